package dev.mosaic.connection;

import dev.mosaic.salesforce.client.AuthorizationCodeFlow;
import dev.mosaic.salesforce.client.RefreshTokenCredentials;
import dev.mosaic.salesforce.client.SalesforceException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Service;

/**
 * "Connect with Salesforce": the OAuth web server flow with PKCE and {@code state}, so nobody copies a code or a
 * refresh token by hand. {@link #start} says where to send the person and what to keep meanwhile (on the server:
 * it holds the consumer secret and the PKCE verifier); {@link #finish} trades the code Salesforce sends back for
 * the values a connection is made of. The login URL is checked before any request, as for pasted values.
 */
@Service
public class SalesforceAuthorization {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final LoginHosts loginHosts;

    SalesforceAuthorization(LoginHosts loginHosts) {
        this.loginHosts = loginHosts;
    }

    /** What is kept while the person is at Salesforce; matched to the answer by its {@code state}. */
    public record Pending(String state, URI loginUrl, String clientId, String clientSecret, URI redirectUri,
                          AuthorizationCodeFlow.Pkce pkce, String pubsubEndpoint) {

        public URI authorizeUrl() {
            return AuthorizationCodeFlow.authorizeUrl(loginUrl, clientId, redirectUri, state, pkce);
        }

        @Override
        public String toString() {
            return "Pending[loginUrl=" + loginUrl + ", clientId=" + clientId + ", clientSecret=***, redirectUri="
                    + redirectUri + ", pubsubEndpoint=" + pubsubEndpoint + "]";
        }
    }

    /**
     * @param redirectUri    where Salesforce sends the person back: Mosaic's callback, listed in the Connected App
     * @param pubsubEndpoint the org's Pub/Sub API, when another than Salesforce's own; null or blank for that
     */
    public Pending start(String loginUrl, String clientId, String clientSecret, URI redirectUri, String pubsubEndpoint) {
        URI checked = loginHosts.loginUrl(loginUrl);
        String endpoint = loginHosts.pubsubEndpoint(pubsubEndpoint);
        ConnectionCheck.requireValue(clientId, "clientId", "the Connected App's Consumer Key");
        ConnectionCheck.requireValue(clientSecret, "clientSecret", "the Connected App's Consumer Secret");
        byte[] state = new byte[24];
        RANDOM.nextBytes(state);
        return new Pending(Base64.getUrlEncoder().withoutPadding().encodeToString(state), checked, clientId.trim(),
                clientSecret.trim(), redirectUri, AuthorizationCodeFlow.Pkce.create(), endpoint);
    }

    /** The values to connect with, from the code Salesforce redirected back with. */
    public ConnectionRequest finish(Pending pending, String code) {
        ConnectionCheck.requireValue(code, "code", "the code Salesforce sends back after the approval");
        try {
            RefreshTokenCredentials credentials = AuthorizationCodeFlow.exchange(pending.loginUrl(), pending.clientId(),
                    pending.clientSecret(), code.trim(), pending.redirectUri(), pending.pkce());
            return new ConnectionRequest(pending.loginUrl().toString(), pending.clientId(), pending.clientSecret(),
                    credentials.refreshToken(), pending.pubsubEndpoint());
        } catch (SalesforceException e) {
            throw ConnectionCheck.authorizationFailed(e);
        }
    }
}
