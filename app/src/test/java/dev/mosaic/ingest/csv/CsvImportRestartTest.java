package dev.mosaic.ingest.csv;

import dev.mosaic.testing.RunningMosaic;
import dev.mosaic.testing.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A background import outlives the app that started it. One Mosaic takes the file and imports part of it,
 * then dies or is stopped in the middle of a chunk; a second Mosaic on the same database (a restart, or
 * another instance) finishes the import from the last committed chunk, and no row is imported twice.
 */
class CsvImportRestartTest {

    private static final int ROWS = 200;

    private static TestPostgres database;

    @BeforeAll
    static void createDatabase() {
        database = TestPostgres.create();
    }

    @AfterAll
    static void dropDatabase() throws IOException {
        database.close();
    }

    @Test
    void anImportCutOffByACrashIsFinishedByTheNextStartWithoutImportingAnyRowTwice() throws Exception {
        GeneratedContacts file = new GeneratedContacts("crash.example", ROWS);
        RunningMosaic.Tenant tenant;
        UUID importId;
        int doneBeforeCrash;
        // Given up on at once when it stops: the run in progress is abandoned as a killed process abandons it.
        try (RunningMosaic first = RunningMosaic.start(database, "--db-scheduler.shutdown-max-wait=0s")) {
            tenant = first.newTenant();
            Scheduler scheduler = first.bean(Scheduler.class);
            scheduler.pause();
            importId = startJob(first, tenant, file);
            try (JobBetweenChunks gate = JobBetweenChunks.hold(database, tenant.id(), importId)) {
                scheduler.resume();
                doneBeforeCrash = gate.advanceUntil(() -> progress(first, tenant, importId),
                        progress -> progress.path("rows").path("done").asInt() >= 50).path("rows").path("done").asInt();
                // The next chunk is ingested and waits to commit: the crash comes in the middle of it.
                await().atMost(Duration.ofMinutes(1)).until(gate::jobIsWaiting);
                first.close();
            }
        }
        assertThat(execution(tenant, importId)).as("the dead instance's execution, still picked").isEqualTo("picked");
        assertThat(jobRow(tenant, importId)).isEqualTo("running " + doneBeforeCrash);

        try (RunningMosaic second = RunningMosaic.start(database)) {
            JsonNode done = awaitEnd(second, tenant, importId);

            assertThat(done.path("status").asText()).isEqualTo("done");
            assertThat(done.path("rows").path("done").asInt()).isEqualTo(ROWS);
            assertThat(done.path("summary").path("created").asInt()).isEqualTo(file.goodRows());
            assertThat(done.path("summary").path("unchanged").asInt()).isZero();
            assertThat(done.path("summary").path("updated").asInt()).isZero();
            assertThat(done.path("summary").path("rejected").asInt()).isEqualTo(file.badRows().size());
            assertThat(errorRows(done)).containsExactlyElementsOf(file.badRows());
            assertThat(second.getJson("/api/v1/contacts?limit=1", tenant.token()).path("total").asInt())
                    .isEqualTo(file.goodRows());
        }
        assertThat(execution(tenant, importId)).as("a finished import leaves no execution").isEqualTo("none");
    }

    @Test
    void stoppingTheAppInTheMiddleOfAnImportHandsItBackAndTheNextStartFinishesIt() throws Exception {
        GeneratedContacts file = new GeneratedContacts("stop.example", ROWS);
        RunningMosaic.Tenant tenant;
        UUID importId;
        int doneBeforeStop;
        try (RunningMosaic first = RunningMosaic.start(database)) {
            tenant = first.newTenant();
            Scheduler scheduler = first.bean(Scheduler.class);
            scheduler.pause();
            importId = startJob(first, tenant, file);
            Thread stopping = new Thread(first::close, "stopping-mosaic");
            try (JobBetweenChunks gate = JobBetweenChunks.hold(database, tenant.id(), importId)) {
                scheduler.resume();
                doneBeforeStop = gate.advanceUntil(() -> progress(first, tenant, importId),
                        progress -> progress.path("rows").path("done").asInt() >= 50).path("rows").path("done").asInt();
                await().atMost(Duration.ofMinutes(1)).until(gate::jobIsWaiting);
                stopping.start();
                await().atMost(Duration.ofMinutes(1)).until(() -> scheduler.getSchedulerState().isShuttingDown());
            }
            // The chunk in progress commits, and the stopping app hands the job back instead of running on.
            stopping.join(Duration.ofMinutes(1).toMillis());
            assertThat(stopping.isAlive()).as("the app stopped").isFalse();
        }
        assertThat(execution(tenant, importId)).as("handed back, due at once").isEqualTo("due");
        assertThat(jobRow(tenant, importId)).isEqualTo("running " + (doneBeforeStop + RunningMosaic.CHUNK_ROWS));

        try (RunningMosaic second = RunningMosaic.start(database)) {
            JsonNode done = awaitEnd(second, tenant, importId);

            assertThat(done.path("status").asText()).isEqualTo("done");
            assertThat(done.path("rows").path("done").asInt()).isEqualTo(ROWS);
            assertThat(done.path("summary").path("created").asInt()).isEqualTo(file.goodRows());
            assertThat(done.path("summary").path("unchanged").asInt()).isZero();
            assertThat(errorRows(done)).containsExactlyElementsOf(file.badRows());
        }
    }

    // --- helpers

    private static UUID startJob(RunningMosaic app, RunningMosaic.Tenant tenant, GeneratedContacts file)
            throws IOException, InterruptedException {
        HttpResponse<String> accepted = app.postCsv("type=contacts", tenant.token(), file.csv());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return UUID.fromString(RunningMosaic.JSON.readTree(accepted.body()).path("id").asText());
    }

    private static JsonNode progress(RunningMosaic app, RunningMosaic.Tenant tenant, UUID importId) throws Exception {
        return app.getJson("/api/v1/imports/" + importId, tenant.token());
    }

    private static JsonNode awaitEnd(RunningMosaic app, RunningMosaic.Tenant tenant, UUID importId) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last.set(progress(app, tenant, importId));
            return List.of("done", "failed").contains(last.get().path("status").asText());
        });
        return last.get();
    }

    /** The import's scheduler execution while no app runs: picked (by an app that is gone), due, or none. */
    private static String execution(RunningMosaic.Tenant tenant, UUID importId) throws SQLException {
        try (Connection db = database.connect();
             PreparedStatement query = db.prepareStatement("select picked, execution_time <= now() as due "
                     + "from scheduled_tasks where task_name = 'csv-import' and task_instance = ?")) {
            query.setString(1, tenant.id() + "/" + importId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return "none";
                }
                return row.getBoolean("picked") ? "picked" : row.getBoolean("due") ? "due" : "later";
            }
        }
    }

    /** The job's status and rows done as committed. */
    private static String jobRow(RunningMosaic.Tenant tenant, UUID importId) throws SQLException {
        try (Connection db = database.connect();
             PreparedStatement query = db.prepareStatement(
                     "select status, rows_done from csv_import_job where tenant_id = ? and import_id = ?")) {
            query.setString(1, tenant.id());
            query.setObject(2, importId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString("status") + " " + row.getInt("rows_done");
            }
        }
    }

    private static List<Integer> errorRows(JsonNode result) {
        List<Integer> rows = new ArrayList<>();
        result.path("errors").forEach(error -> rows.add(error.path("row").asInt()));
        return rows;
    }
}
