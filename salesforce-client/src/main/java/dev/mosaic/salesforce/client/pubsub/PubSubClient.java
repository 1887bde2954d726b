package dev.mosaic.salesforce.client.pubsub;

import com.google.protobuf.ByteString;
import dev.mosaic.salesforce.client.Session;
import dev.mosaic.salesforce.client.pubsub.wire.ConsumerEvent;
import dev.mosaic.salesforce.client.pubsub.wire.FetchRequest;
import dev.mosaic.salesforce.client.pubsub.wire.FetchResponse;
import dev.mosaic.salesforce.client.pubsub.wire.PubSubGrpc;
import dev.mosaic.salesforce.client.pubsub.wire.ReplayPreset;
import dev.mosaic.salesforce.client.pubsub.wire.SchemaRequest;
import dev.mosaic.salesforce.client.pubsub.wire.TopicInfo;
import dev.mosaic.salesforce.client.pubsub.wire.TopicRequest;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A client of Salesforce's Pub/Sub API for Change Data Capture: topics, schemas (fetched once per schema id) and
 * subscriptions that keep asking for events as they arrive, so keepalives keep flowing. Every call carries the
 * session's {@code accesstoken}, {@code instanceurl} and {@code tenantid}, read from {@code session} when it starts.
 */
public final class PubSubClient implements AutoCloseable {

    /** Events asked for at once; Salesforce's cap on a stream's outstanding request. */
    public static final int BATCH = 100;
    private static final Metadata.Key<String> ACCESS_TOKEN = Metadata.Key.of("accesstoken", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> INSTANCE_URL = Metadata.Key.of("instanceurl", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> TENANT_ID = Metadata.Key.of("tenantid", Metadata.ASCII_STRING_MARSHALLER);

    private final ManagedChannel channel;
    private final PubSubGrpc.PubSubBlockingStub blocking;
    private final PubSubGrpc.PubSubStub async;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /**
     * @param target    {@code host:port}: {@code api.pubsub.salesforce.com:7443}, or an emulator's
     * @param plaintext true only for a local emulator; Salesforce is TLS
     * @param session   the current session, asked at the start of every call
     */
    public PubSubClient(String target, boolean plaintext, Supplier<Session> session) {
        NettyChannelBuilder builder = NettyChannelBuilder.forTarget(target).keepAliveTime(60, TimeUnit.SECONDS);
        this.channel = (plaintext ? builder.usePlaintext() : builder.useTransportSecurity()).build();
        ClientInterceptor auth = new SessionHeaders(session);
        this.blocking = PubSubGrpc.newBlockingStub(channel).withInterceptors(auth);
        this.async = PubSubGrpc.newStub(channel).withInterceptors(auth);
    }

    /** A topic as the org describes it. */
    public record Topic(String name, String schemaId, boolean canSubscribe) {
    }

    public Topic topic(String name) {
        try {
            TopicInfo info = blocking.withDeadlineAfter(30, TimeUnit.SECONDS).getTopic(TopicRequest.newBuilder().setTopicName(name).build());
            return new Topic(info.getTopicName(), info.getSchemaId(), info.getCanSubscribe());
        } catch (StatusRuntimeException e) {
            throw PubSubException.of("GetTopic " + name, e);
        }
    }

    /** Where a subscription starts: after a stored replay id, at the oldest retained event, or at the next new one. */
    public record Start(ReplayPreset preset, ReplayId after) {

        public static Start after(ReplayId replayId) {
            return new Start(ReplayPreset.CUSTOM, replayId);
        }

        public static Start earliest() {
            return new Start(ReplayPreset.EARLIEST, null);
        }

        public static Start latest() {
            return new Start(ReplayPreset.LATEST, null);
        }
    }

    /** A live subscription; {@link #cancel} ends it. */
    public interface Subscription {
        void cancel();
    }

    /** Subscribes to a topic; the listener hears its events, keepalives and end. */
    public Subscription subscribe(String topic, Start start, ChangeListener listener) {
        Stream stream = new Stream(topic, listener);
        async.subscribe(stream);
        FetchRequest.Builder first = FetchRequest.newBuilder().setTopicName(topic).setReplayPreset(start.preset())
                .setNumRequested(BATCH);
        if (start.after() != null) {
            first.setReplayId(ByteString.copyFrom(start.after().bytes()));
        }
        stream.send(first.build());
        return stream::cancel;
    }

    private Schema schema(String id) {
        return schemas.computeIfAbsent(id, key -> {
            try {
                return new Schema.Parser().parse(blocking.withDeadlineAfter(30, TimeUnit.SECONDS)
                        .getSchema(SchemaRequest.newBuilder().setSchemaId(key).build()).getSchemaJson());
            } catch (StatusRuntimeException e) {
                throw PubSubException.of("GetSchema " + key, e);
            }
        });
    }

    /** One Subscribe call: decodes what comes and asks for more as the outstanding request runs low. */
    private final class Stream implements ClientResponseObserver<FetchRequest, FetchResponse> {
        private final String topic;
        private final ChangeListener listener;
        private ClientCallStreamObserver<FetchRequest> requests;
        private volatile boolean done;

        Stream(String topic, ChangeListener listener) {
            this.topic = topic;
            this.listener = listener;
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<FetchRequest> requestStream) {
            this.requests = requestStream;
        }

        synchronized void send(FetchRequest request) {
            if (!done) {
                requests.onNext(request);
            }
        }

        void cancel() {
            done = true;
            requests.cancel("unsubscribed", null);
        }

        @Override
        public void onNext(FetchResponse response) {
            List<ChangeEvent> events = new ArrayList<>(response.getEventsCount());
            try {
                for (ConsumerEvent event : response.getEventsList()) {
                    events.add(ChangeEventDecoder.decode(schema(event.getEvent().getSchemaId()),
                            event.getEvent().getPayload().toByteArray(), ReplayId.of(event.getReplayId().toByteArray())));
                }
            } catch (PubSubException e) {
                fail(e);
                return;
            }
            listener.onEvents(events, ReplayId.of(response.getLatestReplayId().toByteArray()));
            // Keep the request topped up (pending counts what is still owed), so events and keepalives keep coming.
            int more = BATCH - response.getPendingNumRequested();
            if (more > 0 && (response.getEventsCount() > 0 || response.getPendingNumRequested() == 0)) {
                send(FetchRequest.newBuilder().setTopicName(topic).setNumRequested(more).build());
            }
        }

        @Override
        public void onError(Throwable failure) {
            if (!done) {
                fail(PubSubException.of("Subscribe " + topic, failure));
            }
        }

        @Override
        public void onCompleted() {
            if (!done) {
                fail(new PubSubException(PubSubException.Kind.RETRY, "", "Subscribe " + topic + " ended", null));
            }
        }

        private void fail(PubSubException failure) {
            done = true;
            listener.onError(failure);
        }
    }

    /** Puts the session's metadata on every call. */
    private static final class SessionHeaders implements ClientInterceptor {
        private final Supplier<Session> session;

        SessionHeaders(Supplier<Session> session) {
            this.session = session;
        }

        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                @Override
                public void start(Listener<R> responseListener, Metadata headers) {
                    Session current = session.get();
                    headers.put(ACCESS_TOKEN, current.accessToken());
                    headers.put(INSTANCE_URL, current.instanceUrl().toString());
                    headers.put(TENANT_ID, current.orgId());
                    super.start(responseListener, headers);
                }
            };
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
