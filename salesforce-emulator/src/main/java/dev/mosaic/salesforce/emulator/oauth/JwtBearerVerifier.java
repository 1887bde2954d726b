package dev.mosaic.salesforce.emulator.oauth;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.mosaic.salesforce.emulator.http.Json;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Checks a JWT bearer assertion as Salesforce does: RS256 signed by the Connected App's certificate,
 * {@code iss} = consumer key, {@code aud} = a login host, {@code exp} in the future but at most about
 * three minutes ahead. Returns the {@code sub} (username).
 */
public final class JwtBearerVerifier {
    /** Salesforce allows about three minutes; a few seconds more absorb clock skew between test machines. */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(3).plusSeconds(10);

    private final ConnectedApp app;
    private final Set<String> audiences;
    private final Clock clock;

    public JwtBearerVerifier(ConnectedApp app, String baseUrl, Clock clock) {
        this.app = app;
        this.audiences = Set.of(baseUrl, baseUrl + "/", "https://login.salesforce.com", "https://test.salesforce.com");
        this.clock = clock;
    }

    public String verifiedSubject(String assertion) {
        if (assertion == null || assertion.isBlank()) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
        String[] parts = assertion.split("\\.", -1);
        if (parts.length != 3) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
        Map<String, Object> header = decodeJson(parts[0]);
        Map<String, Object> claims = decodeJson(parts[1]);
        if (!"RS256".equals(header.get("alg"))) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
        PublicKey key = app.jwtPublicKey().orElseThrow(() -> OAuthError.invalidGrant("invalid assertion"));
        if (!signatureValid(key, parts)) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
        if (!app.clientId().equals(claims.get("iss"))) {
            throw OAuthError.invalidClientId();
        }
        if (!audienceValid(claims.get("aud"))) {
            throw OAuthError.invalidGrant("audience is invalid");
        }
        Instant now = clock.instant();
        if (!(claims.get("exp") instanceof Number exp)) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
        Instant expiry = Instant.ofEpochSecond(exp.longValue());
        if (!expiry.isAfter(now)) {
            throw OAuthError.invalidGrant("expired authorization code");
        }
        if (expiry.isAfter(now.plus(MAX_LIFETIME))) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
        if (!(claims.get("sub") instanceof String subject) || subject.isBlank()) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
        return subject;
    }

    private boolean audienceValid(Object aud) {
        if (aud instanceof String single) {
            return audiences.contains(single);
        }
        if (aud instanceof java.util.List<?> many) {
            return many.stream().anyMatch(audiences::contains);
        }
        return false;
    }

    private static boolean signatureValid(PublicKey key, String[] parts) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, Object> decodeJson(String part) {
        try {
            byte[] json = Base64.getUrlDecoder().decode(part);
            return Json.MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
    }
}
