package dev.mosaic.salesforce.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static dev.mosaic.salesforce.emulator.Http.V;
import static dev.mosaic.salesforce.emulator.Http.json;
import static dev.mosaic.salesforce.emulator.TokenEndpointTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BulkQueryTest {
    private static SalesforceEmulator emulator;
    private static Http http;
    private static String token;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.builder().seed(77).accounts(60).start();
        http = new Http(emulator.baseUrl());
        token = http.login(emulator.credentials());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void jobRunsToCompletionAndReportsLikeSalesforce() {
        JsonNode created = create("queryAll", "SELECT Id, Name FROM Account");

        assertThat(created.get("id").asText()).startsWith("750").hasSize(18);
        assertThat(created.get("state").asText()).isIn("UploadComplete", "InProgress", "JobComplete");
        assertThat(created.get("object").asText()).isEqualTo("Account");
        JsonNode info = awaitComplete(created.get("id").asText());
        assertThat(fieldNames(info)).containsExactlyElementsOf(fieldNames(Http.golden("bulk-job-info.json")));
        assertThat(info.get("apiVersion").asDouble()).isEqualTo(59.0);
        assertThat(info.get("numberRecordsProcessed").asInt()).isEqualTo(accountCountIncludingDeleted());
    }

    @Test
    void resultsAreQuotedCsvWithHeaderAndLiteralNullLocatorOnTheLastPage() {
        String id = json(http.postJson(V + "/sobjects/Account", token, Map.of("Name", "Acme \"Quoted\", Inc"))).get("id").asText();
        JsonNode job = create("query", "SELECT Id, Name FROM Account WHERE Id = '" + id + "'");
        awaitComplete(job.get("id").asText());

        HttpResponse<String> results = http.get(V + "/jobs/query/" + job.get("id").asText() + "/results", token);

        assertThat(results.statusCode()).isEqualTo(200);
        assertThat(results.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(results.headers().firstValue("Sforce-Locator")).hasValue("null");
        assertThat(results.headers().firstValue("Sforce-NumberOfRecords")).hasValue("1");
        assertThat(results.body()).isEqualTo("\"Id\",\"Name\"\n\"" + id + "\",\"Acme \"\"Quoted\"\", Inc\"\n");
    }

    @Test
    void locatorPagesThroughAllRowsWithMaxRecords() {
        JsonNode job = create("query", "SELECT Id FROM Account");
        String jobId = job.get("id").asText();
        int total = awaitComplete(jobId).get("numberRecordsProcessed").asInt();
        List<String> rows = new ArrayList<>();
        String locator = null;
        int pages = 0;
        do {
            HttpResponse<String> page = http.get(V + "/jobs/query/" + jobId + "/results?maxRecords=25"
                    + (locator == null ? "" : "&locator=" + locator), token);
            String[] lines = page.body().split("\n");
            assertThat(lines[0]).isEqualTo("\"Id\"");
            for (int i = 1; i < lines.length; i++) {
                rows.add(lines[i]);
            }
            assertThat(page.headers().firstValue("Sforce-NumberOfRecords")).hasValue(String.valueOf(lines.length - 1));
            locator = page.headers().firstValue("Sforce-Locator").orElseThrow();
            pages++;
        } while (!locator.equals("null"));

        assertThat(rows).hasSize(total).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo((total + 24) / 25);
    }

    @Test
    void resultsAreGzippedWhenAsked() throws IOException {
        JsonNode job = create("query", "SELECT Id, Name FROM Account");
        awaitComplete(job.get("id").asText());

        HttpResponse<byte[]> response = http.sendBytes(http.request(V + "/jobs/query/" + job.get("id").asText() + "/results")
                .header("Authorization", "Bearer " + token).header("Accept-Encoding", "gzip").build());

        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String csv = new String(new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\"Id\",\"Name\"\n");
    }

    @Test
    void listedJobsCanBeDeleted() {
        String jobId = create("query", "SELECT Id FROM Contact").get("id").asText();
        awaitComplete(jobId);

        JsonNode list = json(http.get(V + "/jobs/query", token));
        HttpResponse<String> deleted = http.method("DELETE", V + "/jobs/query/" + jobId, token, null);

        assertThat(list.get("done").asBoolean()).isTrue();
        assertThat(list.get("nextRecordsUrl").isNull()).isTrue();
        assertThat(list.get("records").findValuesAsText("id")).contains(jobId);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(http.get(V + "/jobs/query/" + jobId, token).statusCode()).isEqualTo(404);
    }

    @Test
    void compoundFieldsAndBadOptionsAreRefusedAtCreation() {
        HttpResponse<String> compound = http.postJson(V + "/jobs/query", token,
                Map.of("operation", "query", "query", "SELECT Id, BillingAddress FROM Account"));
        HttpResponse<String> badOperation = http.postJson(V + "/jobs/query", token,
                Map.of("operation", "upsert", "query", "SELECT Id FROM Account"));
        HttpResponse<String> badDelimiter = http.postJson(V + "/jobs/query", token,
                Map.of("operation", "query", "query", "SELECT Id FROM Account", "columnDelimiter", "SPACE"));

        assertThat(compound.statusCode()).isEqualTo(400);
        assertThat(json(compound).get(0).has("errorCode")).isTrue();
        assertThat(badOperation.statusCode()).isEqualTo(400);
        assertThat(badDelimiter.statusCode()).isEqualTo(400);
    }

    @Test
    void resultsMustBeFetchedWithTheCreatingApiVersion() {
        String jobId = create("query", "SELECT Id FROM Account LIMIT 1").get("id").asText();
        awaitComplete(jobId);

        HttpResponse<String> other = http.get("/services/data/v60.0/jobs/query/" + jobId + "/results", token);

        assertThat(other.statusCode()).isEqualTo(409);
    }

    @Test
    void delimiterAndLineEndingAreHonoured() {
        JsonNode job = json(http.postJson(V + "/jobs/query", token, Map.of("operation", "query",
                "query", "SELECT Id, Name FROM Account LIMIT 2", "columnDelimiter", "PIPE", "lineEnding", "CRLF")));
        awaitComplete(job.get("id").asText());

        String csv = http.get(V + "/jobs/query/" + job.get("id").asText() + "/results", token).body();

        assertThat(csv).startsWith("\"Id\"|\"Name\"\r\n");
    }

    private static JsonNode create(String operation, String soql) {
        HttpResponse<String> response = http.postJson(V + "/jobs/query", token,
                Map.of("operation", operation, "query", soql, "contentType", "CSV", "columnDelimiter", "COMMA", "lineEnding", "LF"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static JsonNode awaitComplete(String jobId) {
        JsonNode[] info = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> {
            info[0] = json(http.get(V + "/jobs/query/" + jobId, token));
            return info[0].get("state").asText().equals("JobComplete");
        });
        return info[0];
    }

    private static int accountCountIncludingDeleted() {
        return json(http.get(V + "/queryAll?q=" + Http.enc("SELECT COUNT() FROM Account"), token)).get("totalSize").asInt();
    }
}
