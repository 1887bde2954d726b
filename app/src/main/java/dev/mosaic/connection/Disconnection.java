package dev.mosaic.connection;

/**
 * What disconnecting an org did.
 *
 * @param tokenRevoked whether Salesforce confirmed the refresh token revoked (one it no longer accepted is not)
 */
public record Disconnection(String orgId, boolean tokenRevoked) {
}
