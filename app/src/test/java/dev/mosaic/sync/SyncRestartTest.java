package dev.mosaic.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.testing.RunningMosaic;
import dev.mosaic.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A sync cut off half-way, as a killed app leaves it (its round abandoned, its execution still taken), is finished
 * by the next app on the same database, and the graph is the one an uninterrupted sync gives.
 */
class SyncRestartTest {

    /**
     * Small chunks and pages: the initial load commits often, so it is cut off between two commits. Each app gets a
     * data directory of its own, so the key that seals secrets is given, as MOSAIC_SECRET_KEY gives it.
     */
    private static final String[] SETTINGS = {
        "--mosaic.secret-key=" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
        "--mosaic.salesforce.allowed-hosts=127.0.0.1", "--mosaic.salesforce.sync-interval=1h",
        "--mosaic.salesforce.retry-pause=20ms", "--mosaic.salesforce.chunk-records=5",
        "--mosaic.salesforce.bulk-page-records=40"};

    private static TestPostgres database;

    @BeforeAll
    static void createDatabase() {
        database = TestPostgres.create();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void aSyncCutOffHalfWayIsFinishedByTheNextStartAndGivesTheGraphOfAnUninterruptedOne() throws Exception {
        try (EmulatedOrg org = new EmulatedOrg(71, 25)) {
            RunningMosaic.Tenant interrupted;
            String id;
            try (RunningMosaic first = RunningMosaic.start(database, with("--db-scheduler.shutdown-max-wait=0s"))) {
                interrupted = first.newTenant();
                id = connect(first, interrupted, org);
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(() -> {
                    List<String> phases = connection(first, interrupted, id).path("objects").findValuesAsText("phase");
                    return phases.contains("INCREMENTAL") && phases.contains("INITIAL");
                });
                // Given up at once, as a killed process gives it up: the round's work since its last commit is lost.
            }

            try (RunningMosaic second = RunningMosaic.start(database, SETTINGS)) {
                JsonNode resumed = awaitLoaded(second, interrupted, id);
                assertThat(resumed.path("status").asText()).isEqualTo("CONNECTED");

                RunningMosaic.Tenant clean = second.newTenant();
                awaitLoaded(second, clean, connect(second, clean, org));

                try (Connection db = database.connect()) {
                    assertThat(GraphDigest.of(db, interrupted.id())).isEqualTo(GraphDigest.of(db, clean.id()));
                }
            }
        }
    }

    @Test
    void twoAppsOnOneDatabaseNeverRunRoundsOfOneConnectionAtOnce() throws Exception {
        try (EmulatedOrg org = new EmulatedOrg(72, 8);
             RunningMosaic first = RunningMosaic.start(database, SETTINGS);
             RunningMosaic second = RunningMosaic.start(database, SETTINGS)) {
            RunningMosaic.Tenant tenant = first.newTenant();
            String id = connect(first, tenant, org);
            String rounds = "/api/v1/connections/salesforce/" + id + "/rounds?limit=100";

            // Both apps are asked for a round again and again, while rounds run.
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> {
                first.send("POST", "/api/v1/connections/salesforce/" + id + "/sync", tenant.token(), null);
                second.send("POST", "/api/v1/connections/salesforce/" + id + "/sync", tenant.token(), null);
                JsonNode done = first.getJson(rounds, tenant.token());
                return done.path("total").asInt() >= 8 && done.path("items").get(0).hasNonNull("endedAt");
            });

            // No more asking: the last round asked for ends (one asked just before may still begin after it).
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                    .until(() -> first.getJson(rounds, tenant.token()).path("items").get(0).hasNonNull("endedAt"));
            List<JsonNode> ran = new ArrayList<>();
            first.getJson(rounds, tenant.token()).path("items").forEach(round -> {
                if (round.hasNonNull("endedAt")) {
                    ran.add(round);
                }
            });
            ran.sort(Comparator.comparing(round -> Instant.parse(round.path("startedAt").asText())));
            assertThat(ran).hasSizeGreaterThanOrEqualTo(8).allMatch(round -> "DONE".equals(round.path("outcome").asText()));
            for (int i = 1; i < ran.size(); i++) {
                Instant previousEnd = Instant.parse(ran.get(i - 1).path("endedAt").asText());
                assertThat(Instant.parse(ran.get(i).path("startedAt").asText())).as("round %d began after round %d ended", i, i - 1)
                        .isAfterOrEqualTo(previousEnd);
            }
        }
    }

    @Test
    void aChangeStreamCutOffIsResumedByTheNextAppFromWhereItStoodAndMissesNothing() throws Exception {
        try (EmulatedOrg org = new EmulatedOrg(73, 5)) {
            RunningMosaic.Tenant tenant;
            String id;
            String account;
            // Test apps miss heartbeats for seconds, not a minute, before their executions count as dead: the next
            // app takes the stream over at once.
            try (RunningMosaic first = RunningMosaic.start(database, with("--db-scheduler.shutdown-max-wait=0s"))) {
                tenant = first.newTenant();
                id = connect(first, tenant, org, org.streamingConnectionValues());
                awaitLoaded(first, tenant, id);
                await().atMost(Duration.ofSeconds(30)).until(() -> org.streams() > 0);
                account = org.create("Account", java.util.Map.of("Name", "Heard by the first app"));
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() ->
                        first.get("/api/v1/external/salesforce/Account/" + account, tenant.token()).statusCode() == 200);
            }
            Instant lastRound = lastRoundEnd(database, tenant, id);
            // Said while no app listened.
            String unheard = org.create("Account", java.util.Map.of("Name", "Said while nobody listened"));
            org.update("Account", account, java.util.Map.of("Name", "Renamed while nobody listened"));

            try (RunningMosaic second = RunningMosaic.start(database, SETTINGS)) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                        second.get("/api/v1/external/salesforce/Account/" + unheard, tenant.token()).statusCode() == 200);
                JsonNode renamed = second.getJson("/api/v1/organizations/" + second.getJson(
                        "/api/v1/external/salesforce/Account/" + account, tenant.token()).path("id").asText(), tenant.token());
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> second.getJson(
                        "/api/v1/organizations/" + renamed.path("id").asText(), tenant.token()).path("name").asText()
                        .equals("Renamed while nobody listened"));
                assertThat(Instant.parse(connection(second, tenant, id).path("lastRoundAt").asText()))
                        .as("no polling round brought them").isEqualTo(lastRound);
            }
        }
    }

    /** When the connection's last round ended, read from the database while no app runs. */
    private static Instant lastRoundEnd(TestPostgres database, RunningMosaic.Tenant tenant, String id) throws Exception {
        try (Connection db = database.connect();
             var statement = db.prepareStatement("select last_round_at from salesforce_connection where tenant_id = ? "
                     + "and connection_id = ?::uuid")) {
            statement.setString(1, tenant.id());
            statement.setString(2, id);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getTimestamp(1).toInstant();
            }
        }
    }

    private static String connect(RunningMosaic app, RunningMosaic.Tenant tenant, EmulatedOrg org) throws Exception {
        return connect(app, tenant, org, org.connectionValues());
    }

    private static String connect(RunningMosaic app, RunningMosaic.Tenant tenant, EmulatedOrg org,
                                  java.util.Map<String, String> values) throws Exception {
        HttpResponse<String> created = app.send("POST", "/api/v1/connections/salesforce", tenant.token(),
                RunningMosaic.JSON.writeValueAsString(values));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return RunningMosaic.JSON.readTree(created.body()).path("id").asText();
    }

    private static JsonNode connection(RunningMosaic app, RunningMosaic.Tenant tenant, String id) throws Exception {
        return app.getJson("/api/v1/connections/salesforce/" + id, tenant.token());
    }

    private static JsonNode awaitLoaded(RunningMosaic app, RunningMosaic.Tenant tenant, String id) {
        JsonNode[] last = {null};
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = connection(app, tenant, id);
            List<String> phases = last[0].path("objects").findValuesAsText("phase");
            return phases.size() == SyncedObject.values().length && !phases.contains("INITIAL")
                    && !last[0].path("status").asText().equals("SYNCING");
        });
        return last[0];
    }

    private static String[] with(String extra) {
        String[] all = java.util.Arrays.copyOf(SETTINGS, SETTINGS.length + 1);
        all[SETTINGS.length] = extra;
        return all;
    }
}
