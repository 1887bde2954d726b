package dev.mosaic.sync.mapping;

/** A record the graph cannot take as it is; the sync quarantines it with this reason and goes on. */
public class UnmappableRecordException extends RuntimeException {

    public UnmappableRecordException(String reason) {
        super(reason, null, false, false);
    }
}
