package dev.mosaic.salesforce.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web server flow with PKCE, for "Connect with Salesforce" in a browser: send the person to
 * {@link #authorizeUrl}, and when Salesforce redirects back with a code, {@link #exchange} it for the refresh
 * token that the connection keeps.
 */
public final class AuthorizationCodeFlow {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private AuthorizationCodeFlow() {
    }

    /** The PKCE secret kept while the person is at Salesforce, and its S256 challenge sent there. */
    public record Pkce(String verifier, String challenge) {

        public static Pkce create() {
            byte[] random = new byte[48];
            RANDOM.nextBytes(random);
            String verifier = BASE64URL.encodeToString(random);
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, BASE64URL.encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every JDK has SHA-256", e);
            }
        }

        @Override
        public String toString() {
            return "Pkce[verifier=***, challenge=" + challenge + "]";
        }
    }

    /** Where to send the person: Salesforce's login and approval pages, which come back to {@code redirectUri}. */
    public static URI authorizeUrl(URI loginUrl, String clientId, URI redirectUri, String state, Pkce pkce) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri.toString());
        query.put("state", state);
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", "S256");
        return loginUrl.resolve("/services/oauth2/authorize?" + SalesforceHttp.form(query));
    }

    /** {@link #exchange(HttpClient, URI, String, String, String, URI, Pkce)} on the HTTP client the library shares. */
    public static RefreshTokenCredentials exchange(URI loginUrl, String clientId, String clientSecret, String code,
                                                   URI redirectUri, Pkce pkce) {
        return exchange(SalesforceClient.sharedHttp(), loginUrl, clientId, clientSecret, code, redirectUri, pkce);
    }

    /**
     * Trades the code Salesforce redirected back with for a refresh token.
     *
     * @param clientSecret the consumer secret, or null for an app that does not require it with PKCE
     * @throws SalesforceException with NEEDS_RECONNECT for a used, expired or mismatched code
     */
    public static RefreshTokenCredentials exchange(HttpClient http, URI loginUrl, String clientId, String clientSecret,
                                                   String code, URI redirectUri, Pkce pkce) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "authorization_code");
        fields.put("code", code);
        fields.put("redirect_uri", redirectUri.toString());
        fields.put("client_id", clientId);
        if (clientSecret != null) {
            fields.put("client_secret", clientSecret);
        }
        fields.put("code_verifier", pkce.verifier());
        JsonNode body = SalesforceHttp.post(http, loginUrl, "authorization code", clientId, fields);
        String refreshToken = body.path("refresh_token").asText("");
        if (refreshToken.isEmpty()) {
            throw new SalesforceException(Disposition.FAIL, 200, "", "The authorization code of client " + clientId
                    + " gave no refresh token: the Connected App's OAuth scopes must include \"Perform requests at any "
                    + "time (refresh_token, offline_access)\"", null);
        }
        return new RefreshTokenCredentials(loginUrl, clientId, clientSecret == null ? "" : clientSecret, refreshToken);
    }
}
