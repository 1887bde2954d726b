package dev.mosaic.salesforce.emulator.pubsub;

import com.google.protobuf.ByteString;
import dev.mosaic.salesforce.emulator.cdc.ChangeEventLog;
import dev.mosaic.salesforce.emulator.pubsub.wire.ConsumerEvent;
import dev.mosaic.salesforce.emulator.pubsub.wire.FetchResponse;
import dev.mosaic.salesforce.emulator.pubsub.wire.ProducerEvent;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;

import java.util.UUID;
import java.util.function.Predicate;

/**
 * One Subscribe call: where in the log it is, how many events the client still asked for (at most 100 outstanding),
 * and when it last heard from the server. Events go out as the client asks for them; with nothing to send, an empty
 * response with the latest replay id keeps it alive. A client that asks for nothing more for too long is dropped, as
 * Salesforce drops it. Every method runs under the subscription's lock, so responses never interleave.
 */
final class Subscription {

    /** Salesforce's cap on the events one Subscribe call may have requested and not received. */
    static final int MAX_OUTSTANDING = 100;

    private final ServerCallStreamObserver<FetchResponse> out;
    private final ChangeEventLog log;
    private final String topic;
    private final Predicate<ChangeEventLog.Event> wanted;
    private long position;
    private int pending;
    private long lastSentMillis;
    private long lastRequestMillis;
    private boolean stalled;
    private boolean ended;

    Subscription(ServerCallStreamObserver<FetchResponse> out, ChangeEventLog log, String topic,
                 Predicate<ChangeEventLog.Event> wanted, long position, long nowMillis) {
        this.out = out;
        this.log = log;
        this.topic = topic;
        this.wanted = wanted;
        this.position = position;
        this.lastSentMillis = nowMillis;
        this.lastRequestMillis = nowMillis;
    }

    String topic() {
        return topic;
    }

    synchronized void request(int events, long nowMillis) {
        pending = Math.min(MAX_OUTSTANDING, pending + events);
        lastRequestMillis = nowMillis;
        drain(nowMillis);
    }

    /** Sends what the log holds for the client, as far as it asked. */
    synchronized void drain(long nowMillis) {
        while (!ended && !stalled && pending > 0) {
            ChangeEventLog.Read read;
            try {
                read = log.after(position, wanted, pending);
            } catch (ChangeEventLog.UnknownReplayId e) {
                // Purged under a slow subscriber: as Salesforce, the stream ends and the client must start again.
                end(PubSubErrors.error(Status.INVALID_ARGUMENT, "subscription.fetch.replayid.corrupted", e.getMessage()));
                return;
            }
            if (read.events().isEmpty()) {
                position = read.readTo();
                return;
            }
            FetchResponse.Builder response = FetchResponse.newBuilder();
            for (ChangeEventLog.Event event : read.events()) {
                response.addEvents(ConsumerEvent.newBuilder()
                        .setEvent(ProducerEvent.newBuilder().setId(UUID.randomUUID().toString()).setSchemaId(event.schemaId())
                                .setPayload(ByteString.copyFrom(event.payload())))
                        .setReplayId(ByteString.copyFrom(ChangeEventLog.bytes(event.replayId()))));
            }
            pending -= read.events().size();
            position = read.readTo();
            send(response.setPendingNumRequested(pending), nowMillis);
        }
    }

    /** An empty response with the latest replay id when the client heard nothing for a while; drops an idle client. */
    synchronized void tick(long nowMillis, long keepaliveMillis, long idleMillis) {
        if (ended || stalled) {
            return;
        }
        if (pending == 0 && nowMillis - Math.max(lastRequestMillis, lastSentMillis) >= idleMillis) {
            end(Status.CANCELLED.withDescription("No fetch request came for " + idleMillis / 1000 + " s with none "
                    + "outstanding: the stream is closed.").asRuntimeException());
            return;
        }
        drain(nowMillis);
        if (!ended && nowMillis - lastSentMillis >= keepaliveMillis) {
            send(FetchResponse.newBuilder().setPendingNumRequested(pending), nowMillis);
        }
    }

    /** Stops sending anything, keepalives included, without closing: the silent stall subscribers complain of most. */
    synchronized void stall() {
        stalled = true;
    }

    synchronized void end(RuntimeException error) {
        if (!ended) {
            ended = true;
            out.onError(error);
        }
    }

    synchronized void cancelled() {
        ended = true;
    }

    synchronized boolean ended() {
        return ended;
    }

    private void send(FetchResponse.Builder response, long nowMillis) {
        response.setLatestReplayId(ByteString.copyFrom(ChangeEventLog.bytes(position)))
                .setRpcId(UUID.randomUUID().toString());
        out.onNext(response.build());
        lastSentMillis = nowMillis;
    }
}
