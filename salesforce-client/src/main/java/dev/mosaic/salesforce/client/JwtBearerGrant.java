package dev.mosaic.salesforce.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JWT bearer flow: the Connected App proves who it is with an assertion signed by the private key whose
 * certificate the app holds, for a user who pre-approved the app. No secret travels; each login signs a new
 * assertion that expires within three minutes. {@code toString} shows no key.
 *
 * @param audience {@code https://login.salesforce.com}, {@code https://test.salesforce.com}, or the login URL
 */
public record JwtBearerGrant(URI loginUrl, String clientId, String username, PrivateKey key, String audience, Clock clock)
        implements LoginGrant {

    private static final Duration LIFETIME = Duration.ofMinutes(3);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String flow() {
        return "JWT bearer for " + username;
    }

    @Override
    public Map<String, String> form() {
        return Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", assertion());
    }

    private String assertion() {
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", clientId);
        claims.put("sub", username);
        claims.put("aud", audience);
        claims.put("exp", expires);
        String signed = encode(Map.of("alg", "RS256")) + "." + encode(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + BASE64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign the JWT assertion for " + username + ": " + e.getMessage(), e);
        }
    }

    private static String encode(Map<String, ?> json) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "JwtBearerGrant[loginUrl=" + loginUrl + ", clientId=" + clientId + ", username=" + username + ", key=***]";
    }
}
