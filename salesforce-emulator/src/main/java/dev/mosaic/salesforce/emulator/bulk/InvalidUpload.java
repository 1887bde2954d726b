package dev.mosaic.salesforce.emulator.bulk;

/** An upload no row of which can be processed; its message becomes the Failed job's {@code errorMessage}. */
final class InvalidUpload extends RuntimeException {
    InvalidUpload(String message) {
        super(message, null, false, false);
    }
}
