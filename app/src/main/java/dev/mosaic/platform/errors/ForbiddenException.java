package dev.mosaic.platform.errors;

/** The caller is signed in but may not do this (a member changing what only admins may). The API answers 403. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
