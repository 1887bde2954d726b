package dev.mosaic.salesforce.emulator;

import com.google.protobuf.ByteString;
import dev.mosaic.salesforce.emulator.pubsub.wire.ConsumerEvent;
import dev.mosaic.salesforce.emulator.pubsub.wire.FetchRequest;
import dev.mosaic.salesforce.emulator.pubsub.wire.FetchResponse;
import dev.mosaic.salesforce.emulator.pubsub.wire.PubSubGrpc;
import dev.mosaic.salesforce.emulator.pubsub.wire.ReplayPreset;
import dev.mosaic.salesforce.emulator.pubsub.wire.SchemaRequest;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Pub/Sub API client as a subscriber writes one, for the emulator's tests: gRPC with the auth metadata, the writer
 * schema fetched by id, payloads decoded with Apache Avro (not the emulator's code), and the field bitmaps expanded
 * into field names as Salesforce documents them.
 */
final class PubSubSubscriber implements AutoCloseable {

    /** A decoded change event. */
    record Change(byte[] replayId, GenericRecord header, GenericRecord body, List<String> changedFields,
                  List<String> nulledFields) {

        String changeType() {
            return header.get("changeType").toString();
        }

        List<String> recordIds() {
            List<String> ids = new ArrayList<>();
            ((List<?>) header.get("recordIds")).forEach(id -> ids.add(id.toString()));
            return ids;
        }

        Object field(String name) {
            Object value = body.get(name);
            return value instanceof org.apache.avro.util.Utf8 text ? text.toString() : value;
        }
    }

    private final ManagedChannel channel;
    private final PubSubGrpc.PubSubBlockingStub blocking;
    private final PubSubGrpc.PubSubStub async;
    private final Map<String, Schema> schemas = new HashMap<>();
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private StreamObserver<FetchRequest> requests;

    PubSubSubscriber(SalesforceEmulator emulator, String accessToken) {
        this(emulator, accessToken, emulator.org().orgId());
    }

    PubSubSubscriber(SalesforceEmulator emulator, String accessToken, String tenantId) {
        this.channel = NettyChannelBuilder.forTarget(emulator.pubsubUrl()).usePlaintext().build();
        Metadata metadata = new Metadata();
        if (accessToken != null) {
            metadata.put(Metadata.Key.of("accesstoken", Metadata.ASCII_STRING_MARSHALLER), accessToken);
        }
        metadata.put(Metadata.Key.of("instanceurl", Metadata.ASCII_STRING_MARSHALLER), emulator.baseUrl());
        metadata.put(Metadata.Key.of("tenantid", Metadata.ASCII_STRING_MARSHALLER), tenantId);
        this.blocking = PubSubGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
        this.async = PubSubGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
    }

    PubSubGrpc.PubSubBlockingStub blocking() {
        return blocking;
    }

    void subscribe(String topic, ReplayPreset preset, byte[] replayId, int numRequested) {
        requests = async.subscribe(new StreamObserver<>() {
            @Override
            public void onNext(FetchResponse response) {
                received.add(response);
            }

            @Override
            public void onError(Throwable t) {
                received.add(t);
            }

            @Override
            public void onCompleted() {
                received.add(Status.OK);
            }
        });
        FetchRequest.Builder first = FetchRequest.newBuilder().setTopicName(topic).setReplayPreset(preset)
                .setNumRequested(numRequested);
        if (replayId != null) {
            first.setReplayId(ByteString.copyFrom(replayId));
        }
        requests.onNext(first.build());
    }

    void request(int numRequested) {
        requests.onNext(FetchRequest.newBuilder().setNumRequested(numRequested).build());
    }

    /** The next response, or null when none came within the wait. */
    FetchResponse response(Duration wait) {
        Object next = poll(wait);
        if (next instanceof Throwable t) {
            throw new AssertionError("the stream failed: " + t, t);
        }
        return (FetchResponse) next;
    }

    /** The error the stream ended with, waiting for it. */
    Throwable error(Duration wait) {
        Object next;
        do {
            next = poll(wait);
        } while (next instanceof FetchResponse);
        if (!(next instanceof Throwable t)) {
            throw new AssertionError("the stream did not fail: " + next);
        }
        return t;
    }

    /** The next {@code count} events, across responses, decoded. */
    List<Change> changes(int count, Duration wait) {
        List<Change> changes = new ArrayList<>();
        while (changes.size() < count) {
            FetchResponse response = response(wait);
            if (response == null) {
                throw new AssertionError("only " + changes.size() + " of " + count + " events came: " + changes);
            }
            response.getEventsList().forEach(event -> changes.add(decode(event)));
        }
        return changes;
    }

    Change decode(ConsumerEvent event) {
        Schema schema = schemas.computeIfAbsent(event.getEvent().getSchemaId(), id -> new Schema.Parser()
                .parse(blocking.getSchema(SchemaRequest.newBuilder().setSchemaId(id).build()).getSchemaJson()));
        try {
            GenericRecord record = new GenericDatumReader<GenericRecord>(schema).read(null,
                    DecoderFactory.get().binaryDecoder(event.getEvent().getPayload().toByteArray(), null));
            GenericRecord header = (GenericRecord) record.get("ChangeEventHeader");
            return new Change(event.getReplayId().toByteArray(), header, record, fieldNames(schema, header.get("changedFields")),
                    fieldNames(schema, header.get("nulledFields")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Expands Salesforce's bitmaps: "0xHEX" over top-level fields, "pos-0xHEX" over a compound's fields. */
    static List<String> fieldNames(Schema schema, Object bitmaps) {
        List<String> names = new ArrayList<>();
        for (Object entry : (List<?>) bitmaps) {
            String text = entry.toString();
            int dash = text.indexOf('-');
            BigInteger bits = new BigInteger(text.substring(dash + 3), 16);
            Schema fields = schema;
            String prefix = "";
            if (dash > 0) {
                Schema.Field compound = schema.getFields().get(Integer.parseInt(text.substring(0, dash)));
                fields = compound.schema().getTypes().get(1);
                prefix = compound.name() + ".";
            }
            for (int i = 0; i < bits.bitLength(); i++) {
                if (bits.testBit(i)) {
                    names.add(prefix + fields.getFields().get(i).name());
                }
            }
        }
        return names;
    }

    private Object poll(Duration wait) {
        try {
            return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (requests != null) {
            try {
                requests.onCompleted();
            } catch (RuntimeException ignored) {
                // Already closed by the server.
            }
        }
        channel.shutdownNow();
    }
}
