package dev.mosaic.bench;

/** A command line the bench cannot run: unknown scenario or option, a missing or malformed value. Exit code 2. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
