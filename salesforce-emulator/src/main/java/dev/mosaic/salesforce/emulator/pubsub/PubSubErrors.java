package dev.mosaic.salesforce.emulator.pubsub;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import java.util.UUID;

/**
 * Errors as the Pub/Sub API sends them: a gRPC status whose message ends in {@code rpcId: …}, and the trailers
 * {@code error-code} ({@code sfdc.platform.eventbus.grpc.…}) and {@code rpc-id}.
 */
final class PubSubErrors {

    static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("error-code", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> RPC_ID = Metadata.Key.of("rpc-id", Metadata.ASCII_STRING_MARSHALLER);
    private static final String PREFIX = "sfdc.platform.eventbus.grpc.";

    private PubSubErrors() {
    }

    /** @param code the error code after {@code sfdc.platform.eventbus.grpc.}, e.g. {@code topic.not.found} */
    static StatusRuntimeException error(Status status, String code, String message) {
        String rpcId = UUID.randomUUID().toString();
        return status.withDescription(message + " rpcId: " + rpcId).asRuntimeException(trailers(code, rpcId));
    }

    static Metadata trailers(String code, String rpcId) {
        Metadata trailers = new Metadata();
        trailers.put(ERROR_CODE, PREFIX + code);
        trailers.put(RPC_ID, rpcId);
        return trailers;
    }

    static StatusRuntimeException topicNotFound(String topic) {
        return error(Status.NOT_FOUND, "topic.not.found", "Topic " + topic + " was not found, or its object is not "
                + "selected for Change Data Capture.");
    }
}
