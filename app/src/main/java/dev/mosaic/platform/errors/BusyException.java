package dev.mosaic.platform.errors;

import java.time.Duration;

/**
 * The request is fine but Mosaic is busy with it elsewhere (a large import holds the tenant's graph) and
 * did not wait longer than a person would. The API answers 503 with Retry-After.
 */
public class BusyException extends RuntimeException {

    private final Duration retryAfter;

    public BusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
