package dev.mosaic.salesforce.emulator.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiRequestTest {
    @Test
    void toStringNamesParametersAndHeadersButShowsNoSecretValues() {
        ApiRequest request = new ApiRequest("POST", "/services/oauth2/token",
                Map.of("client_secret", "SECRET-IN-QUERY"),
                Map.of("authorization", List.of("Bearer 00D!AQSECRET-TOKEN")),
                "password=SECRET-PASSWORD".getBytes(StandardCharsets.UTF_8));

        assertThat(request.toString()).contains("POST", "/services/oauth2/token", "client_secret", "authorization")
                .doesNotContain("SECRET");
    }
}
