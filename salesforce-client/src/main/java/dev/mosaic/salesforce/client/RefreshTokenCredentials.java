package dev.mosaic.salesforce.client;

import java.net.URI;

/**
 * What the user's guide has an admin paste into Settings: the login host, the Connected App's consumer key
 * and secret, and a refresh token. {@code toString} shows the host and the key only.
 *
 * @param loginUrl {@code https://login.salesforce.com}, {@code https://test.salesforce.com}, a My Domain, or
 *                 an emulator's base URL
 */
public record RefreshTokenCredentials(URI loginUrl, String clientId, String clientSecret, String refreshToken) {

    @Override
    public String toString() {
        return "RefreshTokenCredentials[loginUrl=" + loginUrl + ", clientId=" + clientId + ", clientSecret=***, refreshToken=***]";
    }
}
