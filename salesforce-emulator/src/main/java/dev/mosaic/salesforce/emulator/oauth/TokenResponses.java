package dev.mosaic.salesforce.emulator.oauth;

import dev.mosaic.salesforce.emulator.org.OrgUser;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the token response body exactly as Salesforce shapes it (no {@code expires_in}; {@code issued_at} a string). */
public final class TokenResponses {
    private final String baseUrl;
    private final String orgId;
    private final ConnectedApp app;

    public TokenResponses(String baseUrl, String orgId, ConnectedApp app) {
        this.baseUrl = baseUrl;
        this.orgId = orgId;
        this.app = app;
    }

    /** The identity URL: {@code <base>/id/<18-char org id>/<18-char user id>}; Camel parses the org id out of it. */
    public String identityUrl(OrgUser user) {
        return baseUrl + "/id/" + orgId + "/" + user.id();
    }

    public Map<String, Object> body(Session session, String refreshTokenToReturn) {
        String issuedAt = String.valueOf(session.issuedAt().toEpochMilli());
        String id = identityUrl(session.user());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", session.accessToken());
        if (refreshTokenToReturn != null) {
            body.put("refresh_token", refreshTokenToReturn);
        }
        body.put("signature", signature(id, issuedAt));
        body.put("scope", session.scope());
        body.put("instance_url", baseUrl);
        body.put("id", id);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        return body;
    }

    /** The JWT bearer flow's shorter response: Salesforce sends no {@code signature} and no {@code issued_at} there. */
    public Map<String, Object> jwtBody(Session session) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", session.accessToken());
        body.put("scope", session.scope());
        body.put("instance_url", baseUrl);
        body.put("id", identityUrl(session.user()));
        body.put("token_type", "Bearer");
        return body;
    }

    /** Base64 HMAC-SHA256 over id + issued_at, keyed by the consumer secret, so clients can check the response. */
    String signature(String id, String issuedAt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(app.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((id + issuedAt).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
