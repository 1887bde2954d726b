package dev.mosaic.salesforce.emulator.oauth;

/** An OAuth failure, rendered as Salesforce does: 400 {@code {"error","error_description"}}. */
public final class OAuthError extends RuntimeException {
    private final String error;

    public OAuthError(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    public static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", description);
    }

    public static OAuthError invalidClientId() {
        return new OAuthError("invalid_client_id", "client identifier invalid");
    }

    public static OAuthError invalidClient() {
        return new OAuthError("invalid_client", "invalid client credentials");
    }
}
