package dev.mosaic.salesforce.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static dev.mosaic.salesforce.emulator.Http.V;
import static dev.mosaic.salesforce.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Bulk jobs run on an executor the test drains by hand, so states before completion are observable. */
class BulkJobLifecycleTest {
    private static final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private static SalesforceEmulator emulator;
    private static Http http;
    private static String token;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.builder().seed(78).accounts(10).bulkJobExecutor(pending::add).start();
        http = new Http(emulator.baseUrl());
        token = http.login(emulator.credentials());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void resultsBeforeCompletionArePreconditionFailed() {
        String jobId = create();

        HttpResponse<String> early = http.get(V + "/jobs/query/" + jobId + "/results", token);
        assertThat(json(http.get(V + "/jobs/query/" + jobId, token)).get("state").asText()).isEqualTo("UploadComplete");
        runPendingJobs();
        HttpResponse<String> late = http.get(V + "/jobs/query/" + jobId + "/results", token);

        assertThat(early.statusCode()).isEqualTo(412);
        assertThat(json(early).get(0).get("errorCode").asText()).isEqualTo("JOB_NOT_COMPLETE");
        assertThat(json(http.get(V + "/jobs/query/" + jobId, token)).get("state").asText()).isEqualTo("JobComplete");
        assertThat(late.statusCode()).isEqualTo(200);
    }

    @Test
    void abortedJobStaysAbortedAndHasNoResults() {
        String jobId = create();

        HttpResponse<String> abort = http.method("PATCH", V + "/jobs/query/" + jobId, token, Map.of("state", "Aborted"));
        runPendingJobs();

        assertThat(abort.statusCode()).isEqualTo(200);
        assertThat(json(abort).get("state").asText()).isEqualTo("Aborted");
        assertThat(json(http.get(V + "/jobs/query/" + jobId, token)).get("state").asText()).isEqualTo("Aborted");
        assertThat(http.get(V + "/jobs/query/" + jobId + "/results", token).statusCode()).isEqualTo(412);
        HttpResponse<String> again = http.method("PATCH", V + "/jobs/query/" + jobId, token, Map.of("state", "JobComplete"));
        assertThat(again.statusCode()).isEqualTo(400);
    }

    @Test
    void completedJobCannotBeAborted() {
        String jobId = create();
        runPendingJobs();

        HttpResponse<String> abort = http.method("PATCH", V + "/jobs/query/" + jobId, token, Map.of("state", "Aborted"));

        assertThat(abort.statusCode()).isEqualTo(400);
        assertThat(json(abort).get(0).get("errorCode").asText()).isEqualTo("INVALIDJOB");
    }

    @Test
    void jobCreationCountsTowardsTheDailyBulkQueryJobs() {
        long before = json(http.get(V + "/limits", token)).at("/DailyBulkV2QueryJobs/Remaining").asLong();
        create();

        long after = json(http.get(V + "/limits", token)).at("/DailyBulkV2QueryJobs/Remaining").asLong();

        assertThat(after).isEqualTo(before - 1);
    }

    private static String create() {
        HttpResponse<String> response = http.postJson(V + "/jobs/query", token,
                Map.of("operation", "query", "query", "SELECT Id, Name FROM Account"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode job = json(response);
        assertThat(job.get("state").asText()).isEqualTo("UploadComplete");
        return job.get("id").asText();
    }

    private static void runPendingJobs() {
        Runnable next;
        while ((next = pending.poll()) != null) {
            next.run();
        }
    }
}
