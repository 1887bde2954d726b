package dev.mosaic.connection;

/**
 * A connection's stored secrets do not open with this instance's key (MOSAIC_SECRET_KEY changed, or the key file
 * of the data directory was lost): only reconnecting, which stores them anew, helps.
 */
public class SecretsUnreadableException extends RuntimeException {

    public SecretsUnreadableException(String message) {
        super(message, null, false, false);
    }
}
