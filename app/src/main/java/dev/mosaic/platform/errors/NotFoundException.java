package dev.mosaic.platform.errors;

/** Something the caller named does not exist in their tenant. The API answers 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
