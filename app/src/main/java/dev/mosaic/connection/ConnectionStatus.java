package dev.mosaic.connection;

/** Where a connection stands, as a person reads it on Settings and in the API. */
public enum ConnectionStatus {
    /** Credentials work; between rounds. */
    CONNECTED,
    /** A round is running. */
    SYNCING,
    /** Salesforce refused the refresh token (revoked, expired, another app): only a person reconnecting helps. */
    NEEDS_RECONNECT,
    /** The last round failed for another reason; the next round tries again. */
    ERROR
}
