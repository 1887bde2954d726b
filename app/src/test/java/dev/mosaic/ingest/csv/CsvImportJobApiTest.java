package dev.mosaic.ingest.csv;

import dev.mosaic.testing.RunningMosaic;
import dev.mosaic.testing.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A CSV file over the row limit becomes a background import, over real HTTP: answered 202 at once, then
 * followed at {@code GET /api/v1/imports/{id}} until done. The app runs with a limit of
 * {@value RunningMosaic#BACKGROUND_ABOVE_ROWS} rows (the product's is 10,000), chunks of
 * {@value RunningMosaic#CHUNK_ROWS} rows, on a database of this class's own.
 */
class CsvImportJobApiTest {

    private static TestPostgres database;
    private static RunningMosaic app;

    private RunningMosaic.Tenant tenant;

    @BeforeAll
    static void startMosaic() throws IOException {
        database = TestPostgres.create();
        app = RunningMosaic.start(database);
    }

    @AfterAll
    static void stopMosaic() throws IOException {
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void freshTenant() {
        tenant = app.newTenant();
    }

    @Test
    void aFileOverTheLimitIsImportedInTheBackgroundAndItsBadRowsAreListedByRowNumber() throws Exception {
        GeneratedContacts file = new GeneratedContacts("first.example", 130);

        HttpResponse<String> accepted = upload(app, new MultipartCsvUpload()
                .field("type", "contacts")
                .file("contacts.csv", file.csv().getBytes(StandardCharsets.UTF_8)), tenant.token());

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode queued = RunningMosaic.JSON.readTree(accepted.body());
        String location = "/api/v1/imports/" + queued.path("id").asText();
        assertThat(accepted.headers().firstValue("Location")).hasValue(location);
        assertThat(queued.path("status").asText()).isIn("queued", "running");
        assertThat(queued.path("type").asText()).isEqualTo("contacts");
        assertThat(queued.path("source").asText()).isEqualTo("csv");
        assertThat(queued.path("rows").path("total").asInt()).isEqualTo(130);
        assertThat(queued.path("mapping").path("Email").asText()).isEqualTo("email");

        JsonNode done = awaitEnd(location);

        assertThat(done.path("status").asText()).isEqualTo("done");
        assertThat(done.path("rows").path("done").asInt()).isEqualTo(130);
        assertThat(done.path("summary").path("created").asInt()).isEqualTo(file.goodRows());
        assertThat(done.path("summary").path("updated").asInt()).isZero();
        assertThat(done.path("summary").path("rejected").asInt()).isEqualTo(4);
        assertThat(errorRows(done)).containsExactlyElementsOf(file.badRows());
        JsonNode errors = done.path("errors");
        assertThat(errors.get(0).path("field").asText()).isEqualTo("email");
        assertThat(errors.get(1).path("reason").asText()).contains("quotes");
        assertThat(errors.get(2).path("reason").asText()).contains("Row 3");
        assertThat(errors.get(3).path("reason").asText()).contains("6 values").contains("4 columns");
        assertThat(done.path("rate").asDouble()).isPositive();
        assertThat(done.has("etaSeconds")).isFalse();
        assertThat(done.path("startedAt").isTextual()).isTrue();
        assertThat(done.path("finishedAt").isTextual()).isTrue();

        assertThat(app.getJson("/api/v1/contacts?limit=1", tenant.token()).path("total").asInt())
                .isEqualTo(file.goodRows());
        JsonNode found = app.getJson("/api/v1/external/csv/contact/email:" + file.email(100), tenant.token());
        JsonNode contact = app.getJson("/api/v1/contacts/" + found.path("id").asText(), tenant.token());
        assertThat(contact.path("name").asText()).isEqualTo("First100 Last100");
    }

    @Test
    void whileTheJobRunsItsProgressMovesChunkByChunkAndAddsUp() throws Exception {
        GeneratedContacts file = new GeneratedContacts("progress.example", 130);
        // Held from its first step: the job waits for the test before it starts and between its chunks.
        Scheduler scheduler = app.bean(Scheduler.class);
        scheduler.pause();
        UUID importId = startJob(file);
        List<JsonNode> seen = new ArrayList<>();

        JsonNode midway;
        try (JobBetweenChunks gate = JobBetweenChunks.hold(database, tenant.id(), importId)) {
            scheduler.resume();
            midway = gate.advanceUntil(() -> {
                JsonNode progress = app.getJson("/api/v1/imports/" + importId, tenant.token());
                seen.add(progress);
                return progress;
            }, progress -> progress.path("rows").path("done").asInt() >= 50);
        }
        JsonNode done = awaitEnd("/api/v1/imports/" + importId);
        seen.add(done);

        assertThat(midway.path("status").asText()).isEqualTo("running");
        int doneMidway = midway.path("rows").path("done").asInt();
        assertThat(doneMidway).isLessThan(130).isEqualTo(doneMidway / RunningMosaic.CHUNK_ROWS * RunningMosaic.CHUNK_ROWS);
        assertThat(midway.path("rate").asDouble()).isPositive();
        assertThat(midway.path("etaSeconds").isIntegralNumber()).isTrue();
        assertThat(midway.path("finishedAt").isNull()).isTrue();
        // The errors so far are those of the rows done so far (no blank lines: data row n is spreadsheet row n + 1).
        assertThat(errorRows(midway)).containsExactlyElementsOf(
                file.badRows().stream().filter(row -> row <= doneMidway + 1).toList());
        for (int i = 0; i < seen.size(); i++) {
            JsonNode progress = seen.get(i);
            JsonNode summary = progress.path("summary");
            int rowsDone = progress.path("rows").path("done").asInt();
            assertThat(summary.path("created").asInt() + summary.path("updated").asInt()
                    + summary.path("unchanged").asInt() + summary.path("rejected").asInt())
                    .as("every row done is imported or rejected, once: %s", progress).isEqualTo(rowsDone);
            assertThat(progress.path("rows").path("total").asInt()).isEqualTo(130);
            assertThat(progress.path("errors").size()).isEqualTo(summary.path("rejected").asInt());
            if (i > 0) {
                assertThat(rowsDone).isGreaterThanOrEqualTo(seen.get(i - 1).path("rows").path("done").asInt());
            }
        }
        assertThat(done.path("summary").path("created").asInt()).isEqualTo(file.goodRows());
    }

    @Test
    void aFileAtTheLimitIsStillImportedWithinTheRequest() throws Exception {
        StringBuilder csv = new StringBuilder(GeneratedContacts.HEADER);
        for (int row = 2; row <= RunningMosaic.BACKGROUND_ABOVE_ROWS + 1; row++) {
            csv.append("small").append(row).append("@limit.example,Small,Person").append(row).append(",Acme\n");
        }

        HttpResponse<String> response = app.postCsv("type=contacts", tenant.token(), csv.toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = RunningMosaic.JSON.readTree(response.body());
        assertThat(result.path("rows").asInt()).isEqualTo(RunningMosaic.BACKGROUND_ABOVE_ROWS);
        assertThat(result.path("summary").path("created").asInt()).isEqualTo(RunningMosaic.BACKGROUND_ABOVE_ROWS);
        assertThat(app.getJson("/api/v1/contacts?limit=1", tenant.token()).path("total").asInt())
                .isEqualTo(RunningMosaic.BACKGROUND_ABOVE_ROWS);
        assertThat(app.getJson("/api/v1/imports", tenant.token()).path("total").asInt()).isZero();
    }

    @Test
    void aDryRunOfALargeFileAnswersWithinTheRequestAndWritesNothing() throws Exception {
        GeneratedContacts file = new GeneratedContacts("dry.example", 130);

        HttpResponse<String> response = app.postCsv("type=contacts&dryRun=true", tenant.token(), file.csv());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = RunningMosaic.JSON.readTree(response.body());
        assertThat(result.path("dryRun").asBoolean()).isTrue();
        assertThat(result.path("rows").asInt()).isEqualTo(130);
        assertThat(result.path("preview")).hasSize(20);
        assertThat(errorRows(result)).containsExactlyElementsOf(file.badRows());
        assertThat(app.getJson("/api/v1/contacts?limit=1", tenant.token()).path("total").asInt()).isZero();
        assertThat(app.getJson("/api/v1/imports", tenant.token()).path("total").asInt()).isZero();
    }

    @Test
    void aLargeFileWhoseMappingDoesNotFitIsRefusedBeforeAnyJobStarts() throws Exception {
        HttpResponse<String> response = upload(app, new MultipartCsvUpload()
                .field("type", "contacts")
                .field("mapping", "{\"E-Mail Address\":\"email\"}")
                .file("contacts.csv", new GeneratedContacts("nomap.example", 130).csv().getBytes(StandardCharsets.UTF_8)),
                tenant.token());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = RunningMosaic.JSON.readTree(response.body()).path("error");
        assertThat(error.path("details").path("field").asText()).isEqualTo("mapping");
        assertThat(error.path("message").asText()).contains("E-Mail Address");
        assertThat(app.getJson("/api/v1/imports", tenant.token()).path("total").asInt()).isZero();
    }

    @Test
    void anImportIsSeenOnlyInItsOwnWorkspace() throws Exception {
        UUID importId = startJob(new GeneratedContacts("mine.example", 80));
        RunningMosaic.Tenant other = app.newTenant();

        HttpResponse<String> fromOther = app.get("/api/v1/imports/" + importId, other.token());
        HttpResponse<String> unknown = app.get("/api/v1/imports/" + UUID.randomUUID(), tenant.token());

        assertThat(fromOther.statusCode()).isEqualTo(404);
        assertThat(RunningMosaic.JSON.readTree(fromOther.body()).path("error").path("code").asText()).isEqualTo("not_found");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(app.getJson("/api/v1/imports", other.token()).path("total").asInt()).isZero();
        assertThat(app.getJson("/api/v1/imports", tenant.token()).path("items").get(0).path("id").asText())
                .isEqualTo(importId.toString());
        awaitEnd("/api/v1/imports/" + importId);
    }

    @Test
    void importsAreListedNewestFirstAndImportingTheSameFileAgainChangesNothing() throws Exception {
        GeneratedContacts file = new GeneratedContacts("again.example", 80);
        UUID first = startJob(file);
        awaitEnd("/api/v1/imports/" + first);

        HttpResponse<String> again = app.postCsv("type=contacts", tenant.token(), file.csv());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        String second = RunningMosaic.JSON.readTree(again.body()).path("id").asText();
        JsonNode secondDone = awaitEnd("/api/v1/imports/" + second);

        assertThat(secondDone.path("summary").path("unchanged").asInt()).isEqualTo(file.goodRows());
        assertThat(secondDone.path("summary").path("created").asInt()).isZero();
        assertThat(secondDone.path("summary").path("updated").asInt()).isZero();
        JsonNode list = app.getJson("/api/v1/imports", tenant.token());
        assertThat(list.path("total").asInt()).isEqualTo(2);
        assertThat(list.path("items").findValuesAsText("id")).containsExactly(second, first.toString());
        assertThat(list.path("items").get(0).has("errors")).isFalse();
        assertThat(list.path("items").get(0).path("summary").path("rejected").asInt()).isEqualTo(4);
    }

    // --- helpers

    private UUID startJob(GeneratedContacts file) throws IOException, InterruptedException {
        HttpResponse<String> accepted = upload(app, new MultipartCsvUpload()
                .field("type", "contacts")
                .file("contacts.csv", file.csv().getBytes(StandardCharsets.UTF_8)), tenant.token());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return UUID.fromString(RunningMosaic.JSON.readTree(accepted.body()).path("id").asText());
    }

    private JsonNode awaitEnd(String location) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last.set(app.getJson(location, tenant.token()));
            return List.of("done", "failed").contains(last.get().path("status").asText());
        });
        return last.get();
    }

    private static List<Integer> errorRows(JsonNode result) {
        List<Integer> rows = new ArrayList<>();
        result.path("errors").forEach(error -> rows.add(error.path("row").asInt()));
        return rows;
    }

    private static HttpResponse<String> upload(RunningMosaic app, MultipartCsvUpload form, String token)
            throws java.io.IOException, InterruptedException {
        return app.upload(form.contentType(), form.publisher(), token);
    }
}
