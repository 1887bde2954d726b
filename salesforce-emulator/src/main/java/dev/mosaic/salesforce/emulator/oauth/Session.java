package dev.mosaic.salesforce.emulator.oauth;

import dev.mosaic.salesforce.emulator.org.OrgUser;

import java.time.Instant;

/**
 * An access token and whom it acts for.
 *
 * @param refreshToken the refresh token it was issued from, so revoking that one kills this session; may be null
 */
public record Session(String accessToken, OrgUser user, String clientId, String scope, Instant issuedAt,
                      String refreshToken) {

    @Override
    public String toString() {
        return "Session[user=" + user.username() + ", clientId=" + clientId + ", issuedAt=" + issuedAt + "]";
    }
}
