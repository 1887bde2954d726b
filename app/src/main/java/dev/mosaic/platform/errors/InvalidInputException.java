package dev.mosaic.platform.errors;

/**
 * The caller sent something Mosaic cannot take; the message says what and how to fix it. A domain error:
 * value types and services throw it whoever called them (the API, a sync, an import), and only the API maps
 * it to HTTP (400). Other {@link IllegalArgumentException}s are our own faults and stay 500s.
 */
public class InvalidInputException extends IllegalArgumentException {
    public InvalidInputException(String message) {
        super(message);
    }
}
