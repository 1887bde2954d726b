package dev.mosaic.salesforce.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static dev.mosaic.salesforce.emulator.Http.V;
import static dev.mosaic.salesforce.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

class ApiBasicsTest {
    private static SalesforceEmulator emulator;
    private static Http http;
    private static String token;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.builder().seed(5).accounts(3).apiLimit(1_000).start();
        http = new Http(emulator.baseUrl());
        token = http.login(emulator.credentials());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void versionsListIsFreeAndEndsAtV62() {
        long before = emulator.apiCalls();

        HttpResponse<String> response = http.get("/services/data/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Sforce-Limit-Info")).isEmpty();
        assertThat(emulator.apiCalls()).isEqualTo(before);
        JsonNode versions = json(response);
        assertThat(versions.size()).isGreaterThan(5);
        List<JsonNode> lastFour = new ArrayList<>();
        for (int i = versions.size() - 4; i < versions.size(); i++) {
            lastFour.add(versions.get(i));
        }
        assertThat(lastFour).containsExactlyElementsOf(Http.golden("versions-excerpt.json"));
    }

    @Test
    void everyDataResponseCarriesLimitInfoAndLimitsReportsTheCount() {
        HttpResponse<String> first = http.get(V + "/limits", token);
        HttpResponse<String> second = http.get(V + "/limits", token);

        String info = second.headers().firstValue("Sforce-Limit-Info").orElseThrow();
        assertThat(info).matches("api-usage=\\d+/1000");
        long used = Long.parseLong(info.substring("api-usage=".length(), info.indexOf('/')));
        assertThat(first.headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=" + (used - 1) + "/1000");
        JsonNode limits = json(second);
        assertThat(limits.at("/DailyApiRequests/Max").asLong()).isEqualTo(1000);
        assertThat(limits.at("/DailyApiRequests/Remaining").asLong()).isEqualTo(1000 - used);
        assertThat(limits.has("DailyBulkV2QueryJobs")).isTrue();
        assertThat(limits.has("DailyBulkApiBatches")).isTrue();
    }

    @Test
    void unknownPathsAreSalesforceNotFound() {
        HttpResponse<String> unversioned = http.get("/nothing/here");
        HttpResponse<String> unknownResource = http.get(V + "/nonsense", token);
        HttpResponse<String> unknownVersion = http.get("/services/data/v10.0/limits", token);

        for (HttpResponse<String> response : List.of(unversioned, unknownResource, unknownVersion)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(json(response)).isEqualTo(Http.golden("not-found.json"));
        }
    }

    @Test
    void wrongMethodIs405() {
        HttpResponse<String> response = http.send(http.request(V + "/limits").header("Authorization", "Bearer " + token)
                .DELETE().build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(json(response).get(0).get("errorCode").asText()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void headIsAnsweredWhereverGetIsAsTheAllowHeaderSays() {
        for (String path : List.of("/services/data/", V + "/", V + "/limits", V + "/sobjects/", V + "/sobjects/Account/describe",
                V + "/jobs/query")) {
            HttpResponse<String> head = http.send(http.request(path).header("Authorization", "Bearer " + token)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertThat(head.statusCode()).as(path).isEqualTo(200);
            assertThat(head.body()).as(path).isEmpty();
        }
    }

    @Test
    void requestsOver16KibOfUriAndHeadersGet414WithSalesforcesHtml() {
        String longQuery = "SELECT Id FROM Account WHERE Name IN ('" + "x".repeat(17_000) + "')";

        HttpResponse<String> response = http.get(V + "/query?q=" + Http.enc(longQuery), token);

        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.body()).isEqualTo("<h1>Bad Message 414</h1><pre>reason: URI Too Long</pre>");
    }

    @Test
    void malformedJsonBodyIsAJsonParserError() {
        HttpResponse<String> response = http.send(http.request(V + "/sobjects/Account").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{nope")).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get(0).get("errorCode").asText()).isEqualTo("JSON_PARSER_ERROR");
    }

    @Test
    void concurrentClientsAreAllServedAndEveryCallCounted() throws Exception {
        long before = emulator.apiCalls();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(24);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 240; i++) {
                statuses.add(pool.submit(() -> http.get(V + "/limits", token).statusCode()));
            }
            for (java.util.concurrent.Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(emulator.apiCalls()).isEqualTo(before + 240);
    }

    @Test
    void dailyLimitExhaustedAnswers403UntilTheWindowRenews() {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-03-01T10:00:00Z"));
        SalesforceEmulator tiny = SalesforceEmulator.builder().seed(5).accounts(2).apiLimit(2).clock(clock).start();
        try {
            Http tinyHttp = new Http(tiny.baseUrl());
            String tinyToken = tinyHttp.login(tiny.credentials());
            tinyHttp.get(V + "/limits", tinyToken);
            tinyHttp.get(V + "/limits", tinyToken);

            HttpResponse<String> over = tinyHttp.get(V + "/limits", tinyToken);

            assertThat(over.statusCode()).isEqualTo(403);
            assertThat(json(over)).isEqualTo(Http.golden("request-limit-exceeded.json"));
            assertThat(over.headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=2/2");
            assertThat(tinyHttp.get("/services/data/").statusCode()).as("versions stay free").isEqualTo(200);

            clock.advance(java.time.Duration.ofHours(24));
            HttpResponse<String> nextDay = tinyHttp.get(V + "/limits", tinyHttp.login(tiny.credentials()));
            assertThat(nextDay.statusCode()).as("the allowance renews after 24 hours").isEqualTo(200);
            assertThat(nextDay.headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=1/2");
        } finally {
            tiny.close();
        }
    }
}
