package dev.mosaic.salesforce.emulator.pubsub;

import dev.mosaic.salesforce.emulator.cdc.ChangeDataCapture;
import dev.mosaic.salesforce.emulator.cdc.ChangeEventLog;
import dev.mosaic.salesforce.emulator.cdc.ChangeEventSchema;
import dev.mosaic.salesforce.emulator.pubsub.wire.FetchRequest;
import dev.mosaic.salesforce.emulator.pubsub.wire.FetchResponse;
import dev.mosaic.salesforce.emulator.pubsub.wire.PubSubGrpc;
import dev.mosaic.salesforce.emulator.pubsub.wire.SchemaInfo;
import dev.mosaic.salesforce.emulator.pubsub.wire.SchemaRequest;
import dev.mosaic.salesforce.emulator.pubsub.wire.TopicInfo;
import dev.mosaic.salesforce.emulator.pubsub.wire.TopicRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Pub/Sub API's {@code GetTopic}, {@code GetSchema} and {@code Subscribe} over an org's change events. Publishing
 * is not offered: change event channels are Salesforce's to publish to.
 */
final class PubSubService extends PubSubGrpc.PubSubImplBase {

    private final ChangeDataCapture cdc;
    private final String orgId;
    private final Clock clock;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    PubSubService(ChangeDataCapture cdc, String orgId, Clock clock) {
        this.cdc = cdc;
        this.orgId = orgId;
        this.clock = clock;
    }

    @Override
    public void getTopic(TopicRequest request, StreamObserver<TopicInfo> response) {
        String topic = request.getTopicName();
        if (!cdc.isTopic(topic)) {
            response.onError(PubSubErrors.topicNotFound(topic));
            return;
        }
        response.onNext(TopicInfo.newBuilder().setTopicName(topic).setTenantGuid(orgId).setCanPublish(false)
                .setCanSubscribe(true).setSchemaId(cdc.topicSchema(topic).map(ChangeEventSchema::id).orElse(""))
                .setRpcId(UUID.randomUUID().toString()).build());
        response.onCompleted();
    }

    @Override
    public void getSchema(SchemaRequest request, StreamObserver<SchemaInfo> response) {
        cdc.schemaById(request.getSchemaId()).ifPresentOrElse(schema -> {
            response.onNext(SchemaInfo.newBuilder().setSchemaId(schema.id()).setSchemaJson(schema.json())
                    .setRpcId(UUID.randomUUID().toString()).build());
            response.onCompleted();
        }, () -> response.onError(PubSubErrors.error(Status.NOT_FOUND, "schema.validation.failed",
                "There is no schema " + request.getSchemaId() + ".")));
    }

    @Override
    public StreamObserver<FetchRequest> subscribe(StreamObserver<FetchResponse> responses) {
        ServerCallStreamObserver<FetchResponse> out = (ServerCallStreamObserver<FetchResponse>) responses;
        StreamObserver<FetchRequest> requests = new StreamObserver<>() {
            private Subscription subscription;

            @Override
            public void onNext(FetchRequest request) {
                try {
                    if (subscription == null) {
                        subscription = start(request, out);
                        subscriptions.add(subscription);
                    } else if (!request.getTopicName().isEmpty() && !request.getTopicName().equals(subscription.topic())) {
                        throw PubSubErrors.error(Status.INVALID_ARGUMENT, "subscription.fetch.topic.mismatch",
                                "A fetch request names " + request.getTopicName() + " on a subscription to "
                                        + subscription.topic() + ".");
                    }
                    subscription.request(requested(request), clock.millis());
                } catch (StatusRuntimeException e) {
                    if (subscription != null) {
                        subscription.end(e);
                        subscriptions.remove(subscription);
                    } else {
                        out.onError(e);
                    }
                }
            }

            @Override
            public void onError(Throwable t) {
                forget();
            }

            @Override
            public void onCompleted() {
                if (subscription != null) {
                    subscription.end(Status.CANCELLED.withDescription("the client ended the stream").asRuntimeException());
                }
                forget();
            }

            private void forget() {
                if (subscription != null) {
                    subscription.cancelled();
                    subscriptions.remove(subscription);
                }
            }
        };
        out.setOnCancelHandler(() -> requests.onError(Status.CANCELLED.asRuntimeException()));
        return requests;
    }

    /** Every live subscription, for the server's ticks and the control API's faults. */
    List<Subscription> subscriptions() {
        return subscriptions;
    }

    private Subscription start(FetchRequest request, ServerCallStreamObserver<FetchResponse> out) {
        String topic = request.getTopicName();
        if (!cdc.isTopic(topic)) {
            throw PubSubErrors.topicNotFound(topic);
        }
        requested(request);
        ChangeEventLog log = cdc.log();
        long position = switch (request.getReplayPreset()) {
            case EARLIEST -> log.earliest();
            case CUSTOM -> customStart(request, log);
            default -> log.latest();
        };
        return new Subscription(out, log, topic, cdc.topicFilter(topic), position, clock.millis());
    }

    private static long customStart(FetchRequest request, ChangeEventLog log) {
        if (request.getReplayId().isEmpty()) {
            throw PubSubErrors.error(Status.INVALID_ARGUMENT, "subscription.fetch.replayid.validation.failed",
                    "A CUSTOM replay preset needs a replay id.");
        }
        long replayId;
        try {
            replayId = ChangeEventLog.replayId(request.getReplayId().toByteArray());
        } catch (ChangeEventLog.UnknownReplayId e) {
            throw corrupted();
        }
        if (!log.isValid(replayId)) {
            throw corrupted();
        }
        return replayId;
    }

    private static StatusRuntimeException corrupted() {
        return PubSubErrors.error(Status.INVALID_ARGUMENT, "subscription.fetch.replayid.corrupted",
                "The replay id is invalid or no longer retained. Subscribe with EARLIEST or LATEST.");
    }

    private static int requested(FetchRequest request) {
        if (request.getNumRequested() <= 0) {
            throw PubSubErrors.error(Status.INVALID_ARGUMENT, "subscription.fetch.requested.events.invalid",
                    "The requested number of events in a fetch request must be greater than zero.");
        }
        return request.getNumRequested();
    }
}
