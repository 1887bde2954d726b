package dev.mosaic.connection;

/**
 * The values the user's guide tells an admin to copy from Salesforce: the Connected App's consumer key and secret,
 * a refresh token, and the login URL (blank for production).
 *
 * @param pubsubEndpoint where the org's Pub/Sub API is ({@code host:port}), for Change Data Capture; null: Salesforce's
 *                       own ({@code api.pubsub.salesforce.com:7443}) for an org on Salesforce, none otherwise
 */
public record ConnectionRequest(String loginUrl, String clientId, String clientSecret, String refreshToken,
                                String pubsubEndpoint) {

    public ConnectionRequest(String loginUrl, String clientId, String clientSecret, String refreshToken) {
        this(loginUrl, clientId, clientSecret, refreshToken, null);
    }

    @Override
    public String toString() {
        return "ConnectionRequest[loginUrl=" + loginUrl + ", clientId=" + clientId + ", clientSecret=***, refreshToken=***, "
                + "pubsubEndpoint=" + pubsubEndpoint + "]";
    }
}
