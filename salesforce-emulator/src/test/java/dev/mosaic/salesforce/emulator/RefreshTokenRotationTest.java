package dev.mosaic.salesforce.emulator;

import static dev.mosaic.salesforce.emulator.Http.json;
import static dev.mosaic.salesforce.emulator.Http.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A Connected App with Refresh Token Rotation: each refresh hands out the next token and retires the one used. */
class RefreshTokenRotationTest {

    @Test
    void eachRefreshAnswersWithANewRefreshTokenAndRetiresTheOneUsed() throws Exception {
        try (SalesforceEmulator emulator = SalesforceEmulator.builder().seed(3).accounts(1).rotateRefreshTokens(true).start()) {
            EmulatorCredentials creds = emulator.credentials();
            Http http = new Http(emulator.baseUrl());

            JsonNode first = json(http.token(refresh(creds, creds.refreshToken())));
            String next = first.path("refresh_token").asText();
            HttpResponse<String> reused = http.token(refresh(creds, creds.refreshToken()));
            JsonNode second = json(http.token(refresh(creds, next)));

            assertThat(first.path("access_token").asText()).isNotBlank();
            assertThat(next).isNotBlank().isNotEqualTo(creds.refreshToken());
            assertThat(reused.statusCode()).isEqualTo(400);
            assertThat(json(reused).path("error").asText()).isEqualTo("invalid_grant");
            assertThat(second.path("refresh_token").asText()).isNotBlank().isNotEqualTo(next);
        }
    }

    @Test
    void withoutRotationTheSameRefreshTokenKeepsWorking() throws Exception {
        String[] args = {"--seed", "3", "--accounts", "1"};
        try (SalesforceEmulator emulator = EmulatorArguments.parse(args).start()) {
            EmulatorCredentials creds = emulator.credentials();
            Http http = new Http(emulator.baseUrl());

            assertThat(http.token(refresh(creds, creds.refreshToken())).statusCode()).isEqualTo(200);
            assertThat(json(http.token(refresh(creds, creds.refreshToken()))).has("refresh_token")).isFalse();
        }
    }

    @Test
    void theCommandLineTurnsRotationOn() throws Exception {
        String[] args = {"--seed", "3", "--accounts", "1", "--rotate-refresh-tokens"};
        try (SalesforceEmulator emulator = EmulatorArguments.parse(args).start()) {
            EmulatorCredentials creds = emulator.credentials();
            JsonNode answer = json(new Http(emulator.baseUrl()).token(refresh(creds, creds.refreshToken())));
            assertThat(answer.path("refresh_token").asText()).isNotBlank().isNotEqualTo(creds.refreshToken());
        }
    }

    private static java.util.Map<String, String> refresh(EmulatorCredentials creds, String refreshToken) {
        return params("grant_type", "refresh_token", "client_id", creds.clientId(), "client_secret", creds.clientSecret(),
                "refresh_token", refreshToken);
    }
}
