package dev.mosaic.platform.errors;

/** The request is valid but the current state forbids it (already decided, merged since…). The API answers 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
