package dev.mosaic.salesforce.client;

import java.net.URI;
import java.util.Map;

/**
 * What the user's guide has an admin paste into Settings: the login host, the Connected App's consumer key
 * and secret, and a refresh token. {@code toString} shows the host and the key only.
 *
 * @param loginUrl {@code https://login.salesforce.com}, {@code https://test.salesforce.com}, a My Domain, or
 *                 an emulator's base URL
 */
public record RefreshTokenCredentials(URI loginUrl, String clientId, String clientSecret, String refreshToken)
        implements LoginGrant {

    @Override
    public String flow() {
        return "refresh token";
    }

    @Override
    public Map<String, String> form() {
        return Map.of("grant_type", "refresh_token", "client_id", clientId, "client_secret", clientSecret,
                "refresh_token", refreshToken);
    }

    /** The same credentials with the refresh token Salesforce handed out in place of this one (rotation). */
    RefreshTokenCredentials withRefreshToken(String rotated) {
        return new RefreshTokenCredentials(loginUrl, clientId, clientSecret, rotated);
    }

    @Override
    public String toString() {
        return "RefreshTokenCredentials[loginUrl=" + loginUrl + ", clientId=" + clientId + ", clientSecret=***, refreshToken=***]";
    }
}
