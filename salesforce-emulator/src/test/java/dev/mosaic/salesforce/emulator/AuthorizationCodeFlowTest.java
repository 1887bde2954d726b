package dev.mosaic.salesforce.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.mosaic.salesforce.emulator.Http.json;
import static dev.mosaic.salesforce.emulator.Http.params;
import static dev.mosaic.salesforce.emulator.TokenEndpointTest.assertOAuthError;
import static dev.mosaic.salesforce.emulator.TokenEndpointTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationCodeFlowTest {
    private static final String REDIRECT = "https://login.salesforce.com/";
    private static final String PASSWORD = "Tr0ub4dor";
    private static MutableClock clock;
    private static SalesforceEmulator emulator;
    private static EmulatorCredentials creds;
    private static Http http;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        emulator = SalesforceEmulator.builder().seed(3).accounts(3).clock(clock).password(PASSWORD).start();
        creds = emulator.credentials();
        http = new Http(emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void setupGuideFlowYieldsARefreshTokenThatWorks() {
        // The user's guide: authorize without a scope, approve, then POST the token parameters in the query string.
        String code = approve("/services/oauth2/authorize?response_type=code&client_id=" + Http.enc(creds.clientId())
                + "&redirect_uri=" + Http.enc(REDIRECT), creds.username(), PASSWORD).get("code");

        HttpResponse<String> response = http.send(http.request("/services/oauth2/token?" + Http.form(params(
                "code", code, "grant_type", "authorization_code", "client_id", creds.clientId(),
                "client_secret", creds.clientSecret(), "redirect_uri", REDIRECT)))
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(fieldNames(body)).containsExactlyElementsOf(fieldNames(Http.golden("token-response-authorization-code.json")));
        assertThat(body.get("scope").asText()).isEqualTo("refresh_token web api");
        HttpResponse<String> refreshed = http.token(params("grant_type", "refresh_token", "client_id", creds.clientId(),
                "client_secret", creds.clientSecret(), "refresh_token", body.get("refresh_token").asText()));
        assertThat(refreshed.statusCode()).isEqualTo(200);
    }

    @Test
    void pkceCodeNeedsTheMatchingVerifierAndNoSecret() throws Exception {
        String verifier = "a-very-long-code-verifier-with-enough-entropy-0123456789abcdef";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = "/services/oauth2/authorize?response_type=code&client_id=" + Http.enc(creds.clientId())
                + "&redirect_uri=" + Http.enc(REDIRECT) + "&scope=api%20id&state=xyz&code_challenge=" + challenge
                + "&code_challenge_method=S256";

        Map<String, String> redirect = approve(authorize, creds.username(), PASSWORD);
        assertThat(redirect.get("state")).isEqualTo("xyz");
        HttpResponse<String> wrongVerifier = http.token(params("grant_type", "authorization_code", "code", redirect.get("code"),
                "client_id", creds.clientId(), "redirect_uri", REDIRECT, "code_verifier", "not-it"));
        assertOAuthError(wrongVerifier, "invalid_grant", "invalid code verifier");

        String second = approve(authorize, creds.username(), PASSWORD).get("code");
        HttpResponse<String> ok = http.token(params("grant_type", "authorization_code", "code", second,
                "client_id", creds.clientId(), "redirect_uri", REDIRECT, "code_verifier", verifier));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(json(ok).has("refresh_token")).as("scope without refresh_token").isFalse();
    }

    @Test
    void codesAreSingleUseBoundToTheRedirectUriAndExpire() {
        String authorize = "/services/oauth2/authorize?response_type=code&client_id=" + Http.enc(creds.clientId())
                + "&redirect_uri=" + Http.enc(REDIRECT) + "&scope=api+refresh_token";
        String code = approve(authorize, creds.username(), PASSWORD).get("code");
        Map<String, String> exchange = params("grant_type", "authorization_code", "code", code,
                "client_id", creds.clientId(), "client_secret", creds.clientSecret(), "redirect_uri", REDIRECT);
        assertThat(http.token(exchange).statusCode()).isEqualTo(200);
        assertOAuthError(http.token(exchange), "invalid_grant", "invalid authorization code");

        String other = approve(authorize, creds.username(), PASSWORD).get("code");
        HttpResponse<String> mismatch = http.token(params("grant_type", "authorization_code", "code", other,
                "client_id", creds.clientId(), "client_secret", creds.clientSecret(), "redirect_uri", "https://elsewhere/"));
        assertOAuthError(mismatch, "redirect_uri_mismatch", "redirect_uri must match configuration");

        String late = approve(authorize, creds.username(), PASSWORD).get("code");
        clock.advance(Duration.ofMinutes(16));
        HttpResponse<String> expired = http.token(params("grant_type", "authorization_code", "code", late,
                "client_id", creds.clientId(), "client_secret", creds.clientSecret(), "redirect_uri", REDIRECT));
        assertOAuthError(expired, "invalid_grant", "expired authorization code");
    }

    @Test
    void denyingRedirectsWithAccessDenied() {
        HttpResponse<String> login = http.get("/services/oauth2/authorize?response_type=code&client_id="
                + Http.enc(creds.clientId()) + "&redirect_uri=" + Http.enc(REDIRECT) + "&state=s1");
        HttpResponse<String> approval = http.postForm("/services/oauth2/authorize",
                params("pending", pending(login.body()), "step", "login", "username", creds.username(), "pw", PASSWORD));
        HttpResponse<String> denied = http.postForm("/services/oauth2/authorize",
                params("pending", pending(approval.body()), "step", "approve", "decision", "Deny"));

        assertThat(denied.statusCode()).isEqualTo(302);
        String location = denied.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?error=access_denied&error_description=").endsWith("&state=s1");
    }

    @Test
    void wrongPasswordShowsTheLoginFormAgain() {
        HttpResponse<String> login = http.get("/services/oauth2/authorize?response_type=code&client_id="
                + Http.enc(creds.clientId()) + "&redirect_uri=" + Http.enc(REDIRECT));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(login.body()).contains("<form", "name=\"username\"", "type=\"password\"");

        HttpResponse<String> retry = http.postForm("/services/oauth2/authorize",
                params("pending", pending(login.body()), "step", "login", "username", creds.username(), "pw", "nope"));

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).contains("Please check your username and password").doesNotContain("Allow Access");
    }

    @Test
    void unknownClientGetsAnErrorPageNotARedirect() {
        HttpResponse<String> response = http.get("/services/oauth2/authorize?response_type=code&client_id=bogus&redirect_uri="
                + Http.enc(REDIRECT));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("client identifier invalid");
    }

    /** Walks login and approval like a browser and returns the redirect's query parameters. */
    private static Map<String, String> approve(String authorizePath, String username, String password) {
        HttpResponse<String> login = http.get(authorizePath);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        HttpResponse<String> approval = http.postForm("/services/oauth2/authorize",
                params("pending", pending(login.body()), "step", "login", "username", username, "pw", password));
        assertThat(approval.body()).contains("Allow");
        HttpResponse<String> allowed = http.postForm("/services/oauth2/authorize",
                params("pending", pending(approval.body()), "step", "approve", "decision", "Allow"));
        assertThat(allowed.statusCode()).isEqualTo(302);
        URI location = URI.create(allowed.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(REDIRECT + "?code=");
        return dev.mosaic.salesforce.emulator.http.QueryString.parse(location.getRawQuery());
    }

    private static String pending(String html) {
        Matcher m = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }
}
