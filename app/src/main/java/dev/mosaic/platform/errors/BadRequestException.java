package dev.mosaic.platform.errors;

/**
 * The caller sent something Mosaic cannot take; the message says what and how to fix it, and the API
 * shows it as a 400. Other {@link IllegalArgumentException}s are our own faults and stay 500s.
 */
public class BadRequestException extends IllegalArgumentException {
    public BadRequestException(String message) {
        super(message);
    }
}
