package dev.mosaic.bench;

/**
 * A run that could not measure what it should (the app did not start, a batch was refused, …). The message
 * says what happened and what to do; {@link BenchMain} prints it without a stack trace and exits with 1.
 */
public class BenchFailure extends RuntimeException {

    public BenchFailure(String message) {
        super(message);
    }

    public BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
