package dev.mosaic.bench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.bench.BenchFailure;
import dev.mosaic.bench.Figures;
import dev.mosaic.bench.OptionSpec;
import dev.mosaic.bench.ScenarioArguments;
import dev.mosaic.bench.harness.MosaicApp;
import dev.mosaic.bench.harness.MosaicHttp;
import dev.mosaic.salesforce.client.Sleeper;
import dev.mosaic.salesforce.emulator.SalesforceEmulator;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code incremental}: once the org is synced, Salesforce changes: records created, edited and deleted (the
 * emulator's mutation, a fifth of the changes each of creates and deletes, the rest edits) and two contacts merged.
 * "Sync now" starts a round at once, leaving out the schedule's wait; the clock stops when every change shows in the
 * API: each created record resolves, each deleted one is marked deleted, the merged contact resolves to its master's
 * entity. Then a round with nothing new, for its API calls.
 */
final class IncrementalChanges implements SyncScenario.AfterSync {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration PATIENCE = Duration.ofMinutes(10);
    /** Objects synced only as links of others: their records resolve to no entity of their own. */
    private static final Set<String> RELATION_OBJECTS = Set.of("OpportunityContactRole", "AccountContactRelation");
    private static final int SYNCED_OBJECTS = 11;
    private static final int OBJECTS_PER_CALL = 5;

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.positive("changes", 100, "changes made in Salesforce after the initial sync"));
    }

    @Override
    public void measure(ScenarioArguments arguments, SalesforceEmulator emulator, MosaicApp app, String connectionId,
                        Figures figures, PrintStream out) throws Exception {
        MosaicHttp http = app.http();
        // The one pass over the whole graph that follows a load (15-20 s at a million records) would share the two
        // cores with the round: measured is an org synced a while ago, as Salesforce's changes usually find it.
        double figuresSeconds = SyncDriver.awaitFiguresCurrent(http);
        out.printf("The figures took in the whole sync %.1f s after it ended; now the changes%n", figuresSeconds);
        OrgChanges changes = OrgChanges.make(emulator.org(), arguments.integer("seed") + 1, arguments.positiveInt("changes"));
        JsonNode mutation = changes.mutation();
        String master = changes.master();
        String merged = changes.merged();

        long callsBefore = emulator.apiCalls();
        Instant asked = Instant.now();
        long started = System.nanoTime();
        SyncDriver.syncNow(http, connectionId);
        JsonNode round = SyncDriver.awaitRoundSince(http, connectionId, asked, PATIENCE);
        awaitVisible(http, mutation, master, merged);
        double seconds = (System.nanoTime() - started) / 1e9;
        long apiCalls = emulator.apiCalls() - callsBefore;
        double roundSeconds = Duration.between(Instant.parse(round.path("startedAt").asText()),
                Instant.parse(round.path("endedAt").asText())).toNanos() / 1e9;

        long idleBefore = emulator.apiCalls();
        Instant idleAsked = Instant.now();
        SyncDriver.syncNow(http, connectionId);
        JsonNode idle = SyncDriver.awaitRoundSince(http, connectionId, idleAsked, PATIENCE);
        long idleCalls = emulator.apiCalls() - idleBefore;
        long idleTarget = (SYNCED_OBJECTS + OBJECTS_PER_CALL - 1) / OBJECTS_PER_CALL;
        double idleSeconds = Duration.between(Instant.parse(idle.path("startedAt").asText()),
                Instant.parse(idle.path("endedAt").asText())).toNanos() / 1e9;

        int made = changes.count();
        out.printf("%d changes in Salesforce (%s created, %s edited, %s deleted, 1 merge) showed in the API %.2f s after "
                        + "\"Sync now\"; the round's own work took %.2f s (under 1 s: %s), %d API calls%n", made,
                mutation.path("created"), mutation.path("updated"), mutation.path("deleted"), seconds, roundSeconds,
                SyncScenario.verdict(roundSeconds < 1), apiCalls);
        out.printf("A round with nothing new: %d API calls (at most %d, one per %d objects: %s), %.2f s%n", idleCalls,
                idleTarget, OBJECTS_PER_CALL, SyncScenario.verdict(idleCalls <= idleTarget), idleSeconds);
        figures.put("changes", made)
                .put("changeSeconds", Figures.round(seconds, 2))
                .put("roundSeconds", Figures.round(roundSeconds, 2))
                .put("changeApiCalls", apiCalls)
                .put("idleRoundApiCalls", idleCalls)
                .put("idleRoundSeconds", Figures.round(idleSeconds, 2));
    }

    /** Every created record resolves, every deleted one is marked deleted, the merged contact is its master's. */
    private static void awaitVisible(MosaicHttp http, JsonNode mutation, String master, String merged) throws Exception {
        Set<String> created = new HashSet<>();
        mutation.path("createdIds").forEach(ids -> ids.forEach(id -> created.add(id.asText())));
        Set<String> deleted = new HashSet<>();
        mutation.path("deletedIds").forEach(ids -> ids.forEach(id -> deleted.add(id.asText())));
        List<String> checks = new ArrayList<>();
        mutation.path("createdIds").fields().forEachRemaining(entry -> entry.getValue().forEach(id -> {
            if (!RELATION_OBJECTS.contains(entry.getKey()) && !deleted.contains(id.asText())) {
                checks.add(entry.getKey() + "/" + id.asText());
            }
        }));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            List<String> missing = new ArrayList<>();
            for (String check : checks) {
                if (http.get("api/v1/external/salesforce/" + check).status() != 200) {
                    missing.add("created " + check);
                }
            }
            for (var entry : iterable(mutation.path("deletedIds"))) {
                for (JsonNode id : entry.getValue()) {
                    if (!RELATION_OBJECTS.contains(entry.getKey()) && !created.contains(id.asText())
                            && !deletedInGraph(http, entry.getKey(), id.asText())) {
                        missing.add("deleted " + entry.getKey() + "/" + id.asText());
                    }
                }
            }
            String masterEntity = SyncDriver.read(http, "api/v1/external/salesforce/Contact/" + master).path("id").asText();
            if (!masterEntity.equals(SyncDriver.read(http, "api/v1/external/salesforce/Contact/" + merged).path("id").asText())) {
                missing.add("the merge of Contact " + merged + " into " + master);
            }
            if (missing.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new BenchFailure("Never visible in the API: " + missing);
            }
            Sleeper.REAL.sleep(POLL);
        }
    }

    private static Iterable<java.util.Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object::fields;
    }

    /** Whether the record shows among its entity's external ids as deleted in its source. */
    private static boolean deletedInGraph(MosaicHttp http, String object, String id) throws Exception {
        MosaicHttp.Response resolved = http.get("api/v1/external/salesforce/" + object + "/" + id);
        if (resolved.status() != 200) {
            return false;
        }
        JsonNode entity = JSON.readTree(resolved.body());
        JsonNode detail = SyncDriver.read(http, "api/v1/" + entity.path("type").asText() + "s/" + entity.path("id").asText());
        for (JsonNode external : detail.path("externalIds")) {
            if (external.path("object").asText().equals(object) && external.path("id").asText().endsWith(id)) {
                return external.path("deleted").asBoolean();
            }
        }
        return detail.path("deleted").asBoolean();
    }
}
