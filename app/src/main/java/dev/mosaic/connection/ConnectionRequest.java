package dev.mosaic.connection;

/**
 * The values the user's guide tells an admin to copy from Salesforce: the Connected App's consumer key and secret,
 * a refresh token, and the login URL (blank for production).
 */
public record ConnectionRequest(String loginUrl, String clientId, String clientSecret, String refreshToken) {

    @Override
    public String toString() {
        return "ConnectionRequest[loginUrl=" + loginUrl + ", clientId=" + clientId + ", clientSecret=***, refreshToken=***]";
    }
}
