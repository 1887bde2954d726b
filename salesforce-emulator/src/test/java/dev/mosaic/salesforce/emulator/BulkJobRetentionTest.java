package dev.mosaic.salesforce.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.mosaic.salesforce.emulator.Http.V;
import static dev.mosaic.salesforce.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Query jobs and their results go away seven days after creation, as on Salesforce. */
class BulkJobRetentionTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final SalesforceEmulator emulator = SalesforceEmulator.builder().seed(8).accounts(2).clock(clock)
            .bulkJobExecutor(Runnable::run).start();
    private final Http http = new Http(emulator.baseUrl());

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void jobsAreDeletedSevenDaysAfterCreation() {
        String token = http.login(emulator.credentials());
        String jobId = json(http.postJson(V + "/jobs/query", token,
                Map.of("operation", "query", "query", "SELECT Id FROM Account"))).get("id").asText();

        clock.advance(Duration.ofDays(7).minusMinutes(1));
        token = http.login(emulator.credentials());
        assertThat(http.get(V + "/jobs/query/" + jobId + "/results", token).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        token = http.login(emulator.credentials());

        assertThat(http.get(V + "/jobs/query/" + jobId, token).statusCode()).isEqualTo(404);
        assertThat(json(http.get(V + "/jobs/query", token)).get("records")).isEmpty();
    }
}
