package dev.mosaic.salesforce.emulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.mosaic.salesforce.emulator.Http.V;
import static dev.mosaic.salesforce.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultsTest {
    private static final List<Duration> slept = new CopyOnWriteArrayList<>();
    private static SalesforceEmulator emulator;
    private static Http http;
    private static String token;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.builder().seed(9).accounts(3).sleeper(slept::add).start();
        http = new Http(emulator.baseUrl());
        token = http.login(emulator.credentials());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void clearFaults() {
        http.send(http.request("/__emulator/faults").DELETE().build());
    }

    @Test
    void limitFaultHitsOnlyTheNextMatchingRequests() {
        arm(Map.of("kind", "REQUEST_LIMIT_EXCEEDED", "match", "/limits", "times", 2));

        HttpResponse<String> other = http.get(V + "/sobjects/", token);
        HttpResponse<String> first = http.get(V + "/limits", token);
        HttpResponse<String> second = http.get(V + "/limits", token);
        HttpResponse<String> third = http.get(V + "/limits", token);

        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(first.statusCode()).isEqualTo(403);
        assertThat(json(first)).isEqualTo(Http.golden("request-limit-exceeded.json"));
        assertThat(second.statusCode()).isEqualTo(403);
        assertThat(third.statusCode()).isEqualTo(200);
    }

    @Test
    void aFaultArmedAfterSomeRequestsLetsThoseThrough() {
        arm(Map.of("kind", "SERVER_UNAVAILABLE", "match", "/limits", "times", 1, "after", 2));

        List<Integer> statuses = List.of(http.get(V + "/limits", token).statusCode(), http.get(V + "/limits", token).statusCode(),
                http.get(V + "/limits", token).statusCode(), http.get(V + "/limits", token).statusCode());

        assertThat(statuses).containsExactly(200, 200, 503, 200);
    }

    @Test
    void theStatsCountTheRequestsEachKindOfFaultHit() {
        long before = firedUnavailable();
        arm(Map.of("kind", "SERVER_UNAVAILABLE", "match", "/limits", "times", 2));

        http.get(V + "/limits", token);
        http.get(V + "/limits", token);
        http.get(V + "/limits", token);

        assertThat(firedUnavailable() - before).isEqualTo(2);
    }

    private static long firedUnavailable() {
        return json(http.get("/__emulator/stats", token)).path("faultsFired").path("SERVER_UNAVAILABLE").asLong();
    }

    @Test
    void sessionFaultLooksLikeAnExpiredSession() {
        arm(Map.of("kind", "INVALID_SESSION_ID", "match", "/limits"));

        HttpResponse<String> response = http.get(V + "/limits", token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response)).isEqualTo(Http.golden("invalid-session.json"));
    }

    @Test
    void edgeFaultsHaveNoBody() {
        arm(Map.of("kind", "SERVER_UNAVAILABLE", "match", "/limits"));
        arm(Map.of("kind", "TOO_MANY_REQUESTS", "match", "/limits"));

        HttpResponse<String> unavailable = http.get(V + "/limits", token);
        HttpResponse<String> tooMany = http.get(V + "/limits", token);

        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.body()).isEmpty();
        assertThat(tooMany.statusCode()).isEqualTo(429);
        assertThat(tooMany.body()).isEmpty();
    }

    @Test
    void queryTimeoutFault() {
        arm(Map.of("kind", "QUERY_TIMEOUT", "match", "/query"));

        HttpResponse<String> response = http.get(V + "/query?q=" + Http.enc("SELECT Id FROM Account"), token);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response)).isEqualTo(Http.golden("query-timeout.json"));
    }

    @Test
    void droppedConnectionGivesTheClientNoResponse() {
        // java.net.http retries an idempotent GET once when the connection closes without a response.
        arm(Map.of("kind", "DROP_CONNECTION", "match", "/limits", "times", 2));

        assertThatThrownBy(() -> http.get(V + "/limits", token)).isInstanceOf(UncheckedIOException.class);
        assertThat(http.get(V + "/limits", token).statusCode()).isEqualTo(200);
    }

    @Test
    void htmlPageFaultAnswers200WithAPageInsteadOfJson() {
        arm(Map.of("kind", "HTML_PAGE", "match", "/limits", "times", 1));

        HttpResponse<String> page = http.get(V + "/limits", token);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<h1>We are down for maintenance</h1>");
        assertThat(http.get(V + "/limits", token).body()).startsWith("{");
    }

    @Test
    void truncatedBodyFaultCutsTheAnswerShortOfItsLength() {
        arm(Map.of("kind", "TRUNCATED_BODY", "match", "/limits", "times", 1));

        assertThatThrownBy(() -> http.get(V + "/limits", token)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("bytes received");
        assertThat(http.get(V + "/limits", token).statusCode()).isEqualTo(200);
    }

    @Test
    void slowFaultWaitsThroughTheInjectedSleeperThenServes() {
        slept.clear();
        arm(Map.of("kind", "SLOW", "match", "/limits", "delayMs", 1500));

        HttpResponse<String> response = http.get(V + "/limits", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(slept).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void faultsCanBeClearedAndUnknownKindsAreRefused() {
        arm(Map.of("kind", "SERVER_UNAVAILABLE", "match", "/limits", "times", 5));
        http.send(http.request("/__emulator/faults").DELETE().build());

        HttpResponse<String> bad = http.postJson("/__emulator/faults", null, Map.of("kind", "EARTHQUAKE"));

        assertThat(http.get(V + "/limits", token).statusCode()).isEqualTo(200);
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void faultsAlsoHitTheTokenEndpoint() {
        arm(Map.of("kind", "SERVER_UNAVAILABLE", "match", "/services/oauth2/token"));

        HttpResponse<String> response = http.send(http.request("/services/oauth2/token")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token")).build());

        assertThat(response.statusCode()).isEqualTo(503);
    }

    private static void arm(Map<String, Object> fault) {
        HttpResponse<String> response = http.postJson("/__emulator/faults", null, fault);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
