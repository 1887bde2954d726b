package dev.mosaic.salesforce.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static dev.mosaic.salesforce.emulator.Http.json;
import static dev.mosaic.salesforce.emulator.Http.params;
import static org.assertj.core.api.Assertions.assertThat;

class TokenEndpointTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static MutableClock clock;
    private static KeyPair jwtKeys;
    private static SalesforceEmulator emulator;
    private static EmulatorCredentials creds;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        clock = new MutableClock(START);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        jwtKeys = generator.generateKeyPair();
        emulator = SalesforceEmulator.builder().seed(7).accounts(5).clock(clock).password("s3cret-Pw")
                .jwtPublicKey(jwtKeys.getPublic()).start();
        creds = emulator.credentials();
        http = new Http(emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void refreshTokenGrantAnswersExactlyLikeSalesforce() throws Exception {
        HttpResponse<String> response = http.token(refreshGrant());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = json(response);
        assertThat(fieldNames(body)).containsExactlyElementsOf(fieldNames(Http.golden("token-response.json")));
        assertThat(body.has("expires_in")).isFalse();
        assertThat(body.has("refresh_token")).isFalse();
        String orgId = emulator.org().orgId();
        assertThat(body.get("access_token").asText()).startsWith(orgId.substring(0, 15) + "!AQ");
        assertThat(body.get("instance_url").asText()).isEqualTo(emulator.baseUrl());
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("issued_at").isTextual()).isTrue();
        assertThat(body.get("issued_at").asText()).isEqualTo(String.valueOf(START.toEpochMilli()));
        String id = body.get("id").asText();
        assertThat(id).matches(java.util.regex.Pattern.quote(emulator.baseUrl()) + "/id/00D[A-Za-z0-9]{15}/005[A-Za-z0-9]{15}");
        assertThat(id).isEqualTo(emulator.baseUrl() + "/id/" + orgId + "/" + emulator.org().adminUser().id());
        assertThat(body.get("signature").asText()).isEqualTo(hmac(creds.clientSecret(), id + body.get("issued_at").asText()));
    }

    @Test
    void tokenParametersAreAcceptedInTheQueryStringAsTheSetupGuideSendsThem() {
        String query = Http.form(refreshGrant());
        HttpResponse<String> response = http.send(http.request("/services/oauth2/token?" + query)
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("access_token").asText()).contains("!AQ");
    }

    @Test
    void clientCredentialsMayComeAsHttpBasic() {
        String basic = Base64.getEncoder().encodeToString((creds.clientId() + ":" + creds.clientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(http.request("/services/oauth2/token")
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=" + Http.enc(creds.refreshToken())))
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void unknownRefreshTokenIsAnInvalidGrant() {
        HttpResponse<String> response = http.token(params("grant_type", "refresh_token", "client_id", creds.clientId(),
                "client_secret", creds.clientSecret(), "refresh_token", "5Aep861nope"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response)).isEqualTo(Http.golden("invalid-grant-refresh-token.json"));
    }

    @Test
    void clientErrorsUseSalesforceCodesAndTexts() {
        assertOAuthError(http.token(params("grant_type", "refresh_token", "client_id", "nobody",
                        "client_secret", creds.clientSecret(), "refresh_token", creds.refreshToken())),
                "invalid_client_id", "client identifier invalid");
        assertOAuthError(http.token(params("grant_type", "refresh_token", "client_id", creds.clientId(),
                        "client_secret", "wrong", "refresh_token", creds.refreshToken())),
                "invalid_client", "invalid client credentials");
        assertOAuthError(http.token(params("client_id", creds.clientId())), "invalid_request", "grant type is missing");
        assertOAuthError(http.token(params("grant_type", "implicit", "client_id", creds.clientId())),
                "unsupported_grant_type", "grant type not supported");
    }

    @Test
    void passwordGrantSignsInTheAdminAndTheRestrictedUser() {
        HttpResponse<String> admin = http.token(params("grant_type", "password", "client_id", creds.clientId(),
                "client_secret", creds.clientSecret(), "username", creds.username(), "password", "s3cret-Pw"));
        String restrictedName = emulator.org().restrictedUser().username();
        HttpResponse<String> restricted = http.token(params("grant_type", "password", "client_id", creds.clientId(),
                "client_secret", creds.clientSecret(), "username", restrictedName, "password", "s3cret-Pw"));
        HttpResponse<String> wrong = http.token(params("grant_type", "password", "client_id", creds.clientId(),
                "client_secret", creds.clientSecret(), "username", creds.username(), "password", "guess"));

        assertThat(json(admin).get("id").asText()).endsWith("/" + emulator.org().adminUser().id());
        assertThat(json(restricted).get("id").asText()).endsWith("/" + emulator.org().restrictedUser().id());
        assertOAuthError(wrong, "invalid_grant", "authentication failure");
    }

    @Test
    void clientCredentialsGrantNeverReturnsARefreshToken() {
        HttpResponse<String> response = http.token(params("grant_type", "client_credentials",
                "client_id", creds.clientId(), "client_secret", creds.clientSecret()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).has("refresh_token")).isFalse();
    }

    @Test
    void jwtBearerAssertionSignedWithTheRegisteredKeyIsAccepted() throws Exception {
        String assertion = jwt(jwtKeys.getPrivate(), creds.clientId(), creds.username(), emulator.baseUrl(),
                clock.instant().plusSeconds(120));

        HttpResponse<String> response = http.token(params("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer",
                "assertion", assertion));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(fieldNames(body)).containsExactlyElementsOf(fieldNames(Http.golden("token-response-jwt-bearer.json")));
        assertThat(body.get("id").asText()).endsWith(emulator.org().adminUser().id());
    }

    @Test
    void jwtBearerRejectsForgedExpiredFarFutureAndMisaddressedAssertions() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey stranger = generator.generateKeyPair().getPrivate();
        Instant soon = clock.instant().plusSeconds(60);

        assertOAuthError(jwtGrant(jwt(stranger, creds.clientId(), creds.username(), emulator.baseUrl(), soon)),
                "invalid_grant", "invalid assertion");
        assertOAuthError(jwtGrant(jwt(jwtKeys.getPrivate(), creds.clientId(), creds.username(), emulator.baseUrl(),
                clock.instant().minusSeconds(1))), "invalid_grant", "expired authorization code");
        assertOAuthError(jwtGrant(jwt(jwtKeys.getPrivate(), creds.clientId(), creds.username(), emulator.baseUrl(),
                clock.instant().plus(Duration.ofMinutes(10)))), "invalid_grant", "invalid assertion");
        assertOAuthError(jwtGrant(jwt(jwtKeys.getPrivate(), creds.clientId(), creds.username(), "https://evil.example", soon)),
                "invalid_grant", "audience is invalid");
        assertOAuthError(jwtGrant(jwt(jwtKeys.getPrivate(), "other-app", creds.username(), emulator.baseUrl(), soon)),
                "invalid_client_id", "client identifier invalid");
        assertOAuthError(jwtGrant("not.a.jwt"), "invalid_grant", "invalid assertion");
    }

    @Test
    void tokenEndpointRefusesGet() {
        assertThat(http.get("/services/oauth2/token").statusCode()).isEqualTo(405);
    }

    @Test
    void credentialsNeverPrintTheirSecrets() {
        String text = creds.toString();
        assertThat(text).doesNotContain(creds.clientSecret()).doesNotContain(creds.refreshToken())
                .doesNotContain(creds.password()).contains(creds.clientId());
    }

    private static HttpResponse<String> jwtGrant(String assertion) {
        return http.token(params("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", assertion));
    }

    static String jwt(PrivateKey key, String iss, String sub, String aud, Instant exp) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(Http.JSON.writeValueAsBytes(java.util.Map.of(
                "iss", iss, "sub", sub, "aud", aud, "exp", exp.getEpochSecond())));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + b64.encodeToString(signer.sign());
    }

    static void assertOAuthError(HttpResponse<String> response, String error, String description) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("error_description").asText()).isEqualTo(description);
    }

    private static java.util.Map<String, String> refreshGrant() {
        return params("grant_type", "refresh_token", "client_id", creds.clientId(),
                "client_secret", creds.clientSecret(), "refresh_token", creds.refreshToken());
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String hmac(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
