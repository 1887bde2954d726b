package dev.mosaic.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Near-real-time sync: a connection that names its org's Pub/Sub API applies Salesforce's change events as they come,
 * with no polling round between the change and the graph (the test's rounds are an hour apart).
 */
class ChangeStreamSyncTest extends SyncTestSupport {

    @Autowired
    private DSLContext db;
    @Autowired
    private DataSource dataSource;

    /** The promise: a change in Salesforce is visible in Mosaic within two seconds. */
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(2);
    private static EmulatedOrg org;
    private static String token;
    private static String tenantId;
    private static String connection;

    @BeforeAll
    static void startOrg() {
        org = new EmulatedOrg(71, 4);
    }

    @AfterAll
    static void stopOrg() {
        org.close();
    }

    private void connected() throws Exception {
        if (connection != null) {
            return;
        }
        TenantAdmin admin = newTenantAdmin();
        token = admin.token();
        tenantId = admin.tenantId();
        var response = send("POST", "/api/v1/connections/salesforce", token, org.streamingConnectionValues());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        connection = json(response).path("id").asText();
        awaitRound(token, connection, Instant.EPOCH);
        await().atMost(Duration.ofSeconds(30)).until(() -> org.streams() > 0);
    }

    @Test
    void createsUpdatesDeletesAndUndeletesReachTheGraphWithinSecondsWithoutARound() throws Exception {
        connected();
        String roundBefore = getJson("/api/v1/connections/salesforce/" + connection, token).path("lastRoundAt").asText();
        String id = org.create("Account", Map.of("Name", "Streamed Widgets", "Industry", "Machinery"));
        JsonNode account = visible("Account", id);
        assertThat(account.path("name").asText()).isEqualTo("Streamed Widgets");
        assertThat(account.path("fields").path("industry").path("value").asText()).isEqualTo("Machinery");

        Map<String, Object> renamedAndCleared = new java.util.HashMap<>();
        renamedAndCleared.put("Name", "Streamed Widgets Group");
        renamedAndCleared.put("Industry", null);
        org.update("Account", id, renamedAndCleared);
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(100)).until(() ->
                entity("Account", id).path("name").asText().equals("Streamed Widgets Group"));
        assertThat(entity("Account", id).path("fields").path("industry").isMissingNode())
                .as("the industry nulled in Salesforce is gone from the graph").isTrue();

        String contact = org.create("Contact", Map.of("LastName", "Streamer", "FirstName", "Sam", "AccountId", id));
        visible("Contact", contact);
        org.delete("Contact", contact);
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> deleted(contact));
        org.undelete("Contact", contact);
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> !deleted(contact));

        JsonNode after = getJson("/api/v1/connections/salesforce/" + connection, token);
        assertThat(after.path("lastRoundAt").asText()).as("no polling round ran").isEqualTo(roundBefore);
        Map<String, String> modes = new java.util.HashMap<>();
        after.path("objects").forEach(object -> modes.put(object.path("name").asText(), object.path("mode").asText()));
        assertThat(modes).as("the org publishes events for five objects; the rest are polled")
                .containsEntry("Account", "STREAMING").containsEntry("Contact", "STREAMING").containsEntry("Task", "STREAMING")
                .containsEntry("Note", "POLLING").containsEntry("EmailMessage", "POLLING");
        JsonNode accounts = java.util.stream.StreamSupport.stream(after.path("objects").spliterator(), false)
                .filter(object -> object.path("name").asText().equals("Account")).findFirst().orElseThrow();
        assertThat(accounts.path("lagSeconds").asDouble()).isBetween(0.0, 2.0);
        String metrics = get("/actuator/prometheus", ADMIN_TOKEN).body();
        assertThat(lagMetric(metrics, "Account")).as("a streamed object's lag").isBetween(0.0, 2.0);
        assertThat(lagMetric(metrics, "Note")).as("a polled object's lag: since the round").isGreaterThan(0.0);
    }

    private double lagMetric(String metrics, String object) {
        String series = "mosaic_sync_lag_seconds{connection=\"" + connection + "\",object=\"" + object + "\"} ";
        return metrics.lines().filter(line -> line.startsWith(series)).mapToDouble(line ->
                Double.parseDouble(line.substring(series.length()))).findFirst().orElseThrow(() ->
                new AssertionError("no " + series + "in " + metrics));
    }

    @Test
    void aRoundFindsNothingToRepairWhenNoEventWasMissedAndRepairsAndCountsWhatWas() throws Exception {
        connected();
        String id = org.create("Account", Map.of("Name", "Streamed, then polled"));
        visible("Account", id);
        long before = repaired("Account");
        long beforeAll = repaired(null);
        Instant roundStart = Instant.now();
        syncNow(token, connection);
        awaitRound(token, connection, roundStart);
        assertThat(repaired(null)).as("a round after a stream that missed nothing repairs nothing").isEqualTo(beforeAll);

        // Salesforce publishes no event for a change (its Change Data Capture selection was off for a moment).
        org.enableChangeEvents(List.of("Contact", "Lead", "Opportunity", "Task"));
        org.update("Account", id, Map.of("Name", "Changed unseen"));
        org.enableChangeEvents(List.of("Account", "Contact", "Lead", "Opportunity", "Task"));
        // The stream goes on past it, so the round can tell a missed change from one still on its way.
        visible("Account", org.create("Account", Map.of("Name", "Streamed after the unseen change")));
        roundStart = Instant.now();
        syncNow(token, connection);
        awaitRound(token, connection, roundStart);
        assertThat(entity("Account", id).path("name").asText()).isEqualTo("Changed unseen");
        assertThat(repaired("Account")).as("the record the round repaired").isEqualTo(before + 1);
        assertThat(get("/actuator/prometheus", ADMIN_TOKEN).body()).contains("mosaic_sync_repaired_total{object=\"Account\"}");
    }

    /** What the rounds repaired of the object, or of every object (null). */
    private long repaired(String object) throws Exception {
        long repaired = 0;
        for (JsonNode progress : getJson("/api/v1/connections/salesforce/" + connection, token).path("objects")) {
            if (object == null || progress.path("name").asText().equals(object)) {
                repaired += progress.path("repairedBySafetyNet").asLong();
            }
        }
        return repaired;
    }

    @Test
    void roundsLeaveStreamedObjectsToTheHourlySafetyNetUnlessAskedToReadEverything() throws Exception {
        connected();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                getJson("/api/v1/connections/salesforce/" + connection, token).path("changeStream").path("state").asText()
                        .equals("LIVE"));
        Map<String, String> before = lastSuccess();
        // A reconnect starts a round of its own, as the schedule does (not "Sync now").
        Instant roundStart = Instant.now();
        var reconnected = send("PUT", "/api/v1/connections/salesforce/" + connection, token, org.streamingConnectionValues());
        assertThat(reconnected.statusCode()).as(reconnected.body()).isEqualTo(200);
        awaitRound(token, connection, roundStart);
        Map<String, String> after = lastSuccess();
        assertThat(after.get("Account")).as("a streamed object, read within the hour").isEqualTo(before.get("Account"));
        assertThat(after.get("Contact")).isEqualTo(before.get("Contact"));
        assertThat(after.get("Note")).as("a polled object").isNotEqualTo(before.get("Note"));

        roundStart = Instant.now();
        syncNow(token, connection);
        awaitRound(token, connection, roundStart);
        assertThat(lastSuccess().get("Account")).as("Sync now reads everything").isNotEqualTo(after.get("Account"));
    }

    private Map<String, String> lastSuccess() throws Exception {
        Map<String, String> at = new java.util.HashMap<>();
        getJson("/api/v1/connections/salesforce/" + connection, token).path("objects").forEach(object ->
                at.put(object.path("name").asText(), object.path("lastSuccessAt").asText()));
        return at;
    }

    @Test
    void aMergeInSalesforceMergesTheGraphToo() throws Exception {
        connected();
        String winner = org.create("Contact", Map.of("LastName", "Okonkwo", "FirstName", "Ada"));
        String loser = org.create("Contact", Map.of("LastName", "Okonkwo", "FirstName", "Adaeze"));
        visible("Contact", winner);
        visible("Contact", loser);

        org.merge("Contact", winner, loser);

        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(100)).until(() ->
                resolve(token, "Contact", loser).equals(resolve(token, "Contact", winner)));
    }

    @Test
    void anExpiredPositionIsCaughtUpByPollingAndTheStreamGoesOnAfresh() throws Exception {
        connected();
        Instant before = Instant.now();
        org.cdc("expire-replay-ids", null);
        // The stream learns of it when it next subscribes: make it, by ending every stream with an auth error.
        org.cdc("fail-streams", null);
        String id = org.create("Lead", Map.of("LastName", "Afresh", "Company", "Renewal Inc"));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> get(token, "Lead", id) == 200);
        assertThat(awaitRound(token, connection, before).path("status").asText()).as("the catching-up round ended")
                .isEqualTo("CONNECTED");
    }

    @Test
    void anExpiredSessionIsRenewedAndTheStreamGoesOnFromItsPosition() throws Exception {
        connected();
        org.expireSessions();
        // An open stream outlives its session; the next subscription meets the expired one. Make it come, silently.
        org.cdc("stall-streams", null);
        String id = org.create("Account", Map.of("Name", "Told after the session expired"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> get(token, "Account", id) == 200);
    }

    @Test
    void aStreamThatSpentTheApiShareWaitsAndSaysWhy() throws Exception {
        try (EmulatedOrg limited = EmulatedOrg.withApiLimit(74, 1, 200)) {
            String own = newTenantToken();
            var response = send("POST", "/api/v1/connections/salesforce", own, limited.streamingConnectionValues());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            String id = json(response).path("id").asText();
            awaitRound(own, id, Instant.EPOCH);
            // Salesforce's other users spend the org's calls, past the half Mosaic keeps to; the stream reads the changed
            // records again, and stops once it learns that its share is spent.
            long past = 100 - limited.apiCalls() + 5;
            for (int i = 0; i < past; i++) {
                limited.create("Contact", Map.of("LastName", "Spender " + i));
            }
            try {
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                        getJson("/api/v1/connections/salesforce/" + id, own).path("changeStream").path("detail").asText()
                                .contains("daily API calls"));
                assertThat(getJson("/api/v1/connections/salesforce/" + id, own).path("changeStream").path("state").asText())
                        .isEqualTo("WAITING");
            } finally {
                send("DELETE", "/api/v1/connections/salesforce/" + id, own, null);
            }
        }
    }

    @Test
    void aGapEventHasItsRecordsReadAgain() throws Exception {
        connected();
        String id = org.create("Account", Map.of("Name", "Before the gap"));
        visible("Account", id);
        org.enableChangeEvents(List.of("Contact", "Lead", "Opportunity", "Task"));
        org.update("Account", id, Map.of("Name", "Changed in the gap"));
        org.enableChangeEvents(List.of("Account", "Contact", "Lead", "Opportunity", "Task"));

        org.cdc("gap", Map.of("object", "Account", "changeType", "GAP_UPDATE", "recordIds", List.of(id)));

        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(100)).until(() ->
                entity("Account", id).path("name").asText().equals("Changed in the gap"));
    }

    @Test
    void aStreamThatFallsSilentIsSubscribedAgainAndMissesNothing() throws Exception {
        connected();
        org.cdc("stall-streams", null);
        String id = org.create("Account", Map.of("Name", "Said while nobody listened"));
        // The watchdog (three silent seconds in tests) subscribes again from the stored position.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> get(token, "Account", id) == 200);
    }

    @Test
    void anOverflowHasAPollingRoundReadTheObject() throws Exception {
        connected();
        Instant before = Instant.now();
        org.cdc("overflow", Map.of("object", "Account"));
        JsonNode after = awaitRound(token, connection, before);
        assertThat(after.path("status").asText()).isEqualTo("CONNECTED");
    }

    @Test
    void eventsDeliveredAgainAndOutOfTheirTimeChangeNothing() throws Exception {
        connected();
        String id = org.create("Account", Map.of("Name", "Told twice"));
        visible("Account", id);
        org.update("Account", id, Map.of("Name", "Told twice, then renamed"));
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(100)).until(() ->
                entity("Account", id).path("name").asText().equals("Told twice, then renamed"));
        String before = digest();
        long applied = eventsApplied();

        // The stream forgets where it stood and, made to subscribe again, hears every retained event once more: the
        // create after the rename, and everything before.
        db.execute("update salesforce_change_stream set replay_id = null where tenant_id = ?", tenantId);
        org.cdc("fail-streams", null);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> eventsApplied() > applied + 2);

        assertThat(digest()).isEqualTo(before);
        assertThat(entity("Account", id).path("name").asText()).isEqualTo("Told twice, then renamed");
    }

    private String digest() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return GraphDigest.of(connection, tenantId);
        }
    }

    private long eventsApplied() {
        return db.fetchOne("select events from salesforce_change_stream where tenant_id = ?", tenantId).get(0, Long.class);
    }

    /** Whether the graph holds this contact as deleted in Salesforce. */
    private boolean deleted(String contact) {
        for (JsonNode external : entity("Contact", contact).path("externalIds")) {
            if (external.path("id").asText().endsWith("/" + contact)) {
                return external.path("deleted").asBoolean();
            }
        }
        throw new AssertionError("No external id " + contact + " on its entity");
    }

    /** Waits until the record's entity is in the graph, at most {@link #VISIBLE_WITHIN}; returns its 360. */
    private JsonNode visible(String object, String id) {
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> get(token, object, id) == 200);
        return entity(object, id);
    }

    private JsonNode entity(String object, String id) {
        try {
            JsonNode found = getJson("/api/v1/external/salesforce/" + object + "/" + id, token);
            String path = switch (found.path("type").asText()) {
                case "organization" -> "/api/v1/organizations/";
                case "contact" -> "/api/v1/contacts/";
                default -> "/api/v1/leads/";
            };
            return getJson(path + found.path("id").asText(), token);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
