package dev.mosaic.salesforce.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static dev.mosaic.salesforce.emulator.Http.V;
import static dev.mosaic.salesforce.emulator.Http.json;
import static dev.mosaic.salesforce.emulator.Http.params;
import static dev.mosaic.salesforce.emulator.TokenEndpointTest.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

class SessionsTest {
    private static MutableClock clock;
    private static SalesforceEmulator emulator;
    private static EmulatorCredentials creds;
    private static Http http;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        emulator = SalesforceEmulator.builder().seed(11).accounts(3).clock(clock)
                .sessionLifetime(Duration.ofMinutes(30)).start();
        creds = emulator.credentials();
        http = new Http(emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void bearerOAuthAndSfdcSessionHeadersAreAllAccepted() {
        String token = http.login(creds);

        assertThat(http.send(http.request(V + "/limits").header("Authorization", "Bearer " + token).build()).statusCode()).isEqualTo(200);
        assertThat(http.send(http.request(V + "/limits").header("Authorization", "OAuth " + token).build()).statusCode()).isEqualTo(200);
        assertThat(http.send(http.request(V + "/limits").header("X-SFDC-Session", token).build()).statusCode()).isEqualTo(200);
    }

    @Test
    void missingOrUnknownTokenIsSessionExpiredOrInvalid() {
        HttpResponse<String> none = http.get(V + "/limits");
        HttpResponse<String> unknown = http.get(V + "/limits", "00Dxx!AQbogus");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none)).isEqualTo(Http.golden("invalid-session.json"));
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(json(unknown)).isEqualTo(Http.golden("invalid-session.json"));
    }

    @Test
    void sessionsExpireAfterTheConfiguredTimeoutOnTheInjectedClock() {
        String token = http.login(creds);
        clock.advance(Duration.ofMinutes(29));
        assertThat(http.get(V + "/limits", token).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(2));

        assertThat(http.get(V + "/limits", token).statusCode()).isEqualTo(401);
        assertThat(http.get(V + "/limits", http.login(creds)).statusCode()).as("refresh still works").isEqualTo(200);
    }

    @Test
    void revokingAnAccessTokenEndsOnlyThatSession() {
        String revoked = http.login(creds);
        String other = http.login(creds);

        HttpResponse<String> response = http.send(http.request("/services/oauth2/revoke?token=" + Http.enc(revoked)).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(http.get(V + "/limits", revoked).statusCode()).isEqualTo(401);
        assertThat(http.get(V + "/limits", other).statusCode()).isEqualTo(200);
    }

    @Test
    void revokingARefreshTokenKillsItsAccessTokens() {
        SalesforceEmulator own = SalesforceEmulator.builder().seed(11).accounts(2).start();
        try {
            Http ownHttp = new Http(own.baseUrl());
            String token = ownHttp.login(own.credentials());

            HttpResponse<String> revoke = ownHttp.postForm("/services/oauth2/revoke", params("token", own.credentials().refreshToken()));

            assertThat(revoke.statusCode()).isEqualTo(200);
            assertThat(ownHttp.get(V + "/limits", token).statusCode()).isEqualTo(401);
            assertOAuthError(ownHttp.token(params("grant_type", "refresh_token", "client_id", own.credentials().clientId(),
                    "client_secret", own.credentials().clientSecret(), "refresh_token", own.credentials().refreshToken())),
                    "invalid_grant", "expired access/refresh token");
        } finally {
            own.close();
        }
    }

    @Test
    void controlApiExpiresAllSessionsButRefreshStillWorks() {
        String token = http.login(creds);

        HttpResponse<String> expire = http.send(http.request("/__emulator/expire-sessions").POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(expire.statusCode()).isEqualTo(200);
        assertThat(http.get(V + "/limits", token).statusCode()).isEqualTo(401);
        assertThat(http.get(V + "/limits", http.login(creds)).statusCode()).isEqualTo(200);
    }

    @Test
    void controlApiRevokesRefreshTokens() {
        SalesforceEmulator own = SalesforceEmulator.builder().seed(11).accounts(2).start();
        try {
            Http ownHttp = new Http(own.baseUrl());
            ownHttp.login(own.credentials());

            ownHttp.send(ownHttp.request("/__emulator/revoke-refresh-tokens").POST(HttpRequest.BodyPublishers.noBody()).build());

            assertOAuthError(ownHttp.token(params("grant_type", "refresh_token", "client_id", own.credentials().clientId(),
                    "client_secret", own.credentials().clientSecret(), "refresh_token", own.credentials().refreshToken())),
                    "invalid_grant", "expired access/refresh token");
        } finally {
            own.close();
        }
    }

    @Test
    void introspectionTellsActiveFromInactiveTokens() {
        String token = http.login(creds);
        java.util.Map<String, String> client = params("client_id", creds.clientId(), "client_secret", creds.clientSecret());

        java.util.Map<String, String> active = new java.util.LinkedHashMap<>(client);
        active.put("token", token);
        JsonNode live = json(http.postForm("/services/oauth2/introspect", active));
        java.util.Map<String, String> bogus = new java.util.LinkedHashMap<>(client);
        bogus.put("token", "nope");
        JsonNode dead = json(http.postForm("/services/oauth2/introspect", bogus));

        assertThat(live.get("active").asBoolean()).isTrue();
        assertThat(live.get("token_type").asText()).isEqualTo("access_token");
        assertThat(live.get("exp").asLong() - live.get("iat").asLong()).isEqualTo(30 * 60);
        assertThat(dead.get("active").asBoolean()).isFalse();
    }

    @Test
    void identityUrlAndUserinfoDescribeTheSignedInUser() {
        HttpResponse<String> tokenResponse = http.token(params("grant_type", "refresh_token", "client_id", creds.clientId(),
                "client_secret", creds.clientSecret(), "refresh_token", creds.refreshToken()));
        JsonNode token = json(tokenResponse);
        String accessToken = token.get("access_token").asText();

        HttpResponse<String> identity = http.get(token.get("id").asText(), accessToken);
        HttpResponse<String> userinfo = http.get("/services/oauth2/userinfo", accessToken);

        assertThat(identity.statusCode()).isEqualTo(200);
        JsonNode id = json(identity);
        assertThat(id.get("id").asText()).isEqualTo(token.get("id").asText());
        assertThat(id.get("organization_id").asText()).isEqualTo(emulator.org().orgId());
        assertThat(id.get("user_id").asText()).isEqualTo(emulator.org().adminUser().id());
        assertThat(id.get("username").asText()).isEqualTo(creds.username());
        assertThat(id.at("/urls/rest").asText()).isEqualTo(emulator.baseUrl() + "/services/data/v{version}/");
        assertThat(userinfo.statusCode()).isEqualTo(200);
        assertThat(json(userinfo).get("user_id").asText()).isEqualTo(emulator.org().adminUser().id());
        assertThat(http.get("/services/oauth2/userinfo", "bogus").statusCode()).isEqualTo(403);
    }
}
