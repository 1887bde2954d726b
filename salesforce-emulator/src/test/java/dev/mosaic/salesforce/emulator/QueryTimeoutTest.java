package dev.mosaic.salesforce.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static dev.mosaic.salesforce.emulator.Http.V;
import static dev.mosaic.salesforce.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries that work past the query timeout stop with Salesforce's QUERY_TIMEOUT. The query time source jumps
 * by {@link #jump} at each reading, so a query runs out of time at its first check without taking any.
 */
class QueryTimeoutTest {
    /** About 3,000 tasks: several deadline checks' worth of rows, and more than one 200-account page. */
    private static final int ACCOUNTS = 300;
    private static final String LIKE_SCAN = "SELECT Id FROM Task WHERE Subject LIKE '%call%'";
    private static final AtomicLong nanos = new AtomicLong();
    /** How far the query time source moves per reading: zero freezes it. */
    private static final AtomicLong jump = new AtomicLong();
    private static SalesforceEmulator emulator;
    private static Http http;
    private static String token;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.builder().seed(11).accounts(ACCOUNTS).queryTimeout(Duration.ofSeconds(5))
                .queryTimeSource(() -> nanos.addAndGet(jump.get())).bulkJobExecutor(Runnable::run).start();
        http = new Http(emulator.baseUrl());
        token = http.login(emulator.credentials());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void freezeQueryTime() {
        jump.set(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {LIKE_SCAN,
            "SELECT Id, Subject FROM Task ORDER BY Subject",
            "SELECT Subject, COUNT(Id) FROM Task GROUP BY Subject",
            // Few accounts, so it is the semi-join's scan of Task that runs out of time.
            "SELECT Id FROM Account WHERE Id IN (SELECT WhatId FROM Task WHERE Subject LIKE '%call%')"})
    void aQueryPastItsDeadlineAnswersQueryTimeout(String soql) {
        jump.set(Duration.ofHours(1).toNanos());

        HttpResponse<String> response = http.get(V + "/query?q=" + Http.enc(soql), token);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response)).isEqualTo(Http.golden("query-timeout.json"));
        assertThat(response.headers().firstValue("Sforce-Limit-Info")).isPresent();
    }

    @Test
    void aLaterPageScanningChildRecordsHasADeadlineOfItsOwn() {
        String soql = "SELECT Id, (SELECT Id FROM Tasks) FROM Account";
        HttpResponse<String> first = http.send(http.request(V + "/query?q=" + Http.enc(soql))
                .header("Authorization", "Bearer " + token).header("Sforce-Query-Options", "batchSize=200").build());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String next = json(first).get("nextRecordsUrl").asText();

        jump.set(Duration.ofHours(1).toNanos());
        HttpResponse<String> second = http.get(next, token);

        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(json(second)).isEqualTo(Http.golden("query-timeout.json"));
    }

    @Test
    void aBulkJobWhoseQueryRunsOutOfTimeFails() {
        jump.set(Duration.ofHours(1).toNanos());

        HttpResponse<String> created = http.postJson(V + "/jobs/query", token,
                Map.of("operation", "query", "query", LIKE_SCAN));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String jobId = json(created).get("id").asText();
        JsonNode job = json(http.get(V + "/jobs/query/" + jobId, token));

        assertThat(json(created).get("state").asText()).isEqualTo("UploadComplete");
        assertThat(job.get("state").asText()).isEqualTo("Failed");
        assertThat(job.get("errorMessage").asText()).isEqualTo("QUERY_TIMEOUT: Your query request was running for too long.");
        assertThat(http.get(V + "/jobs/query/" + jobId + "/results", token).statusCode()).isEqualTo(412);
    }

    @Test
    void aBadBulkQueryIsStillRefusedWhenTheJobIsCreated() {
        HttpResponse<String> created = http.postJson(V + "/jobs/query", token,
                Map.of("operation", "query", "query", "SELECT Nonsense FROM Task"));

        assertThat(created.statusCode()).isEqualTo(400);
        assertThat(json(created).get(0).get("errorCode").asText()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void theDefaultTimeoutLetsTheSameQueriesFinish() {
        try (SalesforceEmulator defaults = SalesforceEmulator.builder().seed(11).accounts(ACCOUNTS).start()) {
            Http client = new Http(defaults.baseUrl());
            String session = client.login(defaults.credentials());

            HttpResponse<String> scan = client.get(V + "/query?q=" + Http.enc(LIKE_SCAN), session);
            HttpResponse<String> children = client.get(V + "/query?q="
                    + Http.enc("SELECT Id, (SELECT Id FROM Tasks) FROM Account"), session);

            assertThat(scan.statusCode()).as(scan.body()).isEqualTo(200);
            assertThat(json(scan).get("totalSize").asInt()).isPositive();
            assertThat(children.statusCode()).as(children.body()).isEqualTo(200);
        }
    }
}
