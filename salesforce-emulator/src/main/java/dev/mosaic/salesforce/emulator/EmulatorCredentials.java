package dev.mosaic.salesforce.emulator;

/**
 * What a client needs to connect: the Connected App's consumer key and secret, a refresh token for the
 * admin user, and the admin's username and password. {@link #toString()} never shows the secrets.
 */
public record EmulatorCredentials(String clientId, String clientSecret, String refreshToken, String username,
                                  String password) {

    @Override
    public String toString() {
        return "EmulatorCredentials[clientId=" + clientId + ", clientSecret=***, refreshToken=***, username=" + username
                + ", password=***]";
    }
}
