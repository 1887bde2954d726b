package dev.mosaic.salesforce.client.pubsub;

import io.grpc.Metadata;
import io.grpc.Status;

/**
 * A failed Pub/Sub call or stream, with Salesforce's {@code error-code} trailer and what to do about it.
 */
public class PubSubException extends RuntimeException {

    /** What a subscriber should do. */
    public enum Kind {
        /** The session was refused: log in again, then subscribe again from the same replay id. */
        AUTH,
        /** The replay id is expired or unknown: catch up another way (polling), then subscribe afresh. Never retry it. */
        REPLAY_INVALID,
        /** The org's event delivery allocation is spent: stop streaming for hours; polling goes on. */
        LIMIT,
        /** The topic does not exist or the object is not selected for Change Data Capture. */
        NOT_FOUND,
        /** Anything else (unavailable, reset, internal): back off and subscribe again from the same replay id. */
        RETRY
    }

    private static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("error-code", Metadata.ASCII_STRING_MARSHALLER);

    private final Kind kind;
    private final String errorCode;

    PubSubException(Kind kind, String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.errorCode = errorCode;
    }

    public Kind kind() {
        return kind;
    }

    /** Salesforce's {@code sfdc.platform.eventbus.grpc.…} code, or empty when the failure came without one. */
    public String errorCode() {
        return errorCode;
    }

    /** Reads a gRPC failure: its status and the {@code error-code} trailer decide the kind. */
    static PubSubException of(String what, Throwable failure) {
        Status status = Status.fromThrowable(failure);
        Metadata trailers = Status.trailersFromThrowable(failure);
        String code = trailers == null || trailers.get(ERROR_CODE) == null ? "" : trailers.get(ERROR_CODE);
        Kind kind;
        if (code.contains(".auth.") || status.getCode() == Status.Code.UNAUTHENTICATED) {
            kind = Kind.AUTH;
        } else if (code.contains("replayid")) {
            kind = Kind.REPLAY_INVALID;
        } else if (code.endsWith("subscription.limit.exceeded")) {
            kind = Kind.LIMIT;
        } else if (code.endsWith("topic.not.found") || status.getCode() == Status.Code.NOT_FOUND) {
            kind = Kind.NOT_FOUND;
        } else {
            kind = Kind.RETRY;
        }
        return new PubSubException(kind, code, what + " failed: " + status.getCode()
                + (status.getDescription() == null ? "" : " " + status.getDescription())
                + (code.isEmpty() ? "" : " (" + code + ")"), failure);
    }
}
