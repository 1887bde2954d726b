package dev.mosaic.ingest;

/** One item of a batch cannot be taken; names the field and says why. */
final class InvalidItemException extends RuntimeException {
    private final String field;

    InvalidItemException(String field, String reason) {
        super(reason, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
