package dev.mosaic.salesforce.client;

import java.net.URI;
import java.util.Map;

/**
 * The client credentials flow: the Connected App logs in as its configured "run as" user with its key and
 * secret alone. Only My Domain hosts accept it. {@code toString} hides the secret.
 */
public record ClientCredentialsGrant(URI loginUrl, String clientId, String clientSecret) implements LoginGrant {

    @Override
    public String flow() {
        return "client credentials";
    }

    @Override
    public Map<String, String> form() {
        return Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientSecret);
    }

    @Override
    public String toString() {
        return "ClientCredentialsGrant[loginUrl=" + loginUrl + ", clientId=" + clientId + ", clientSecret=***]";
    }
}
