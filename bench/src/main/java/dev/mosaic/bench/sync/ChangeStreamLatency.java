package dev.mosaic.bench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.bench.BenchFailure;
import dev.mosaic.bench.Figures;
import dev.mosaic.bench.OptionSpec;
import dev.mosaic.bench.ScenarioArguments;
import dev.mosaic.bench.harness.BenchDatabase;
import dev.mosaic.bench.harness.Charts;
import dev.mosaic.bench.harness.Cleanup;
import dev.mosaic.bench.harness.GraphDigest;
import dev.mosaic.bench.harness.Latencies;
import dev.mosaic.bench.harness.MosaicApp;
import dev.mosaic.bench.harness.MosaicHttp;
import dev.mosaic.bench.harness.TempDirectory;
import dev.mosaic.salesforce.client.RefreshTokenCredentials;
import dev.mosaic.salesforce.client.SalesforceClient;
import dev.mosaic.salesforce.client.Session;
import dev.mosaic.salesforce.client.Sleeper;
import dev.mosaic.salesforce.emulator.SalesforceEmulator;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@code cdc}: after the initial sync, changes made through the emulator's REST API at a steady rate (new contacts),
 * each timed from its write to the moment Mosaic's API finds it. The app polls once a day here, so only its change
 * stream brings them; whatever is not there within the grace period is left to a polling round, and counted as
 * repaired by the safety net.
 */
final class ChangeStreamLatency implements SyncScenario.AfterSync {

    private static final Duration CHECK_EVERY = Duration.ofMillis(25);
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Duration LIVE_WITHIN = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.positive("changes", 1000, "changes made in Salesforce after the initial sync"),
                OptionSpec.positive("rate", 20, "changes per second"),
                OptionSpec.flag("faults", "inject every kind of stream fault during the changes, then compare the graph "
                        + "with that of an app that only polls"));
    }

    @Override
    public void measure(ScenarioArguments arguments, SalesforceEmulator emulator, MosaicApp app, String connectionId,
                        Figures figures, PrintStream out) throws Exception {
        MosaicHttp http = app.http();
        int changes = arguments.positiveInt("changes");
        int rate = arguments.positiveInt("rate");
        awaitLive(http, connectionId);
        SalesforceClient salesforce = SalesforceClient.create(new RefreshTokenCredentials(URI.create(emulator.baseUrl()),
                emulator.credentials().clientId(), emulator.credentials().clientSecret(), emulator.credentials().refreshToken()),
                "59.0", rotated -> { });
        HttpClient client = HttpClient.newHttpClient();
        boolean faulty = arguments.flag("faults");
        Cleanup cleanup = new Cleanup();
        MosaicApp polling = null;
        String pollingId = null;
        StreamFaults faults = null;
        if (faulty) {
            // An app that only polls, loaded before the changes, is what the streaming app's graph must equal.
            Path work = cleanup.register("the temporary directory", TempDirectory.create("mosaic-bench-cdc-polling-")).path();
            polling = EmulatedOrgAndApp.startApp(arguments, work, Map.of("MOSAIC_SALESFORCE_SYNC_INTERVAL", "24h"),
                    "the polling app", cleanup, out);
            pollingId = SyncDriver.connect(polling.http(), emulator, false);
            SyncDriver.awaitLoaded(polling.http(), pollingId, out, System.nanoTime(), new ArrayList<>());
            faults = new StreamFaults(emulator, create(client, salesforce.session(), "Account",
                    Map.of("Name", "Told by gap events")));
        }
        int faultEvery = Math.max(1, changes / (2 * StreamFaults.KINDS.size()));
        double eventsBefore = eventsApplied(http);
        double callsBefore = counter(http, "mosaic_salesforce_api_calls");
        Queue<Written> pending = new ConcurrentLinkedQueue<>();
        Latencies latencies = new Latencies();
        List<Charts.Point> points = new ArrayList<>();
        Visibility visibility = new Visibility(http, pending, latencies, points);
        Thread checker = new Thread(visibility, "cdc-visibility");
        checker.start();
        long started = System.nanoTime();
        for (int i = 0; i < changes; i++) {
            long due = started + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Sleeper.REAL.sleep(Duration.ofNanos(wait));
            }
            String id = create(client, salesforce.session(), "Contact", Map.of("FirstName", "Streamed",
                    "LastName", "Change " + i, "Email", "streamed.change." + i + "@cdc-bench.example"));
            pending.add(new Written(id, System.nanoTime()));
            if (faulty && i % faultEvery == faultEvery / 2) {
                faults.injectNext();
            }
        }
        double writeSeconds = (System.nanoTime() - started) / 1e9;
        long graceEnd = System.nanoTime() + GRACE.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < graceEnd) {
            Sleeper.REAL.sleep(CHECK_EVERY);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int missed = pending.size();
        visibility.stop();
        checker.join();
        // The stream's own calls (its re-reads), before the safety net's round adds its own.
        double streamCalls = counter(http, "mosaic_salesforce_api_calls") - callsBefore;
        int repaired = safetyNetRound(http, connectionId, pending.stream().map(Written::id).toList(), out);
        double events = eventsApplied(http) - eventsBefore;
        double p50 = latencies.percentileMs(50);
        double p99 = latencies.percentileMs(99);
        out.printf("%,d changes at %d/s over %.1f s: visible after p50 %.0f ms, p99 %.0f ms, max %.0f ms; %d not within %d s"
                        + "; the safety net's round repaired %d records; %,.0f events applied, %.1f/s, with %,.0f API calls (%.2f per "
                        + "change)%n", changes, rate, writeSeconds, p50, p99, latencies.maxMs(), missed, GRACE.toSeconds(),
                repaired, events, events / seconds, streamCalls, streamCalls / changes);
        out.printf("Targets: p99 %.0f ms (under 2,000: %s), repaired by the safety net %d (0: %s)%n", p99,
                SyncScenario.verdict(p99 < 2000 && missed == 0), repaired, SyncScenario.verdict(repaired == 0 && missed == 0));
        figures.put("changes", changes).put("rate", rate).put("p50Ms", Figures.round(p50, 1)).put("p99Ms", Figures.round(p99, 1))
                .put("maxMs", Figures.round(latencies.maxMs(), 1)).put("eventsPerSecond", Figures.round(events / seconds, 1))
                .put("missedWithinGrace", missed).put("repairedBySafetyNet", repaired)
                .put("apiCallsPerChange", Figures.round(streamCalls / changes, 2));
        if (faulty) {
            compareWithPolling(app, polling, pollingId, faults, figures, out);
        }
        cleanup.close();
        Path chart = Path.of(arguments.text("charts").orElseThrow(), faulty ? "cdc-faults-latency.png" : "cdc-latency.png");
        Charts.lines(chart, String.format("Salesforce change → visible in Mosaic (%,d changes at %d/s)", changes, rate),
                "seconds into the run", "milliseconds", Map.of("each change", points));
        out.printf("Chart: %s%n", chart);
    }

    /** Waits until the connection streams contacts. */
    private static void awaitLive(MosaicHttp http, String connectionId) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + LIVE_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode object : SyncDriver.connection(http, connectionId).path("objects")) {
                if (object.path("name").asText().equals("Contact") && object.path("mode").asText().equals("STREAMING")) {
                    return;
                }
            }
            Sleeper.REAL.sleep(Duration.ofMillis(200));
        }
        throw new BenchFailure("The connection's change stream was not live within " + LIVE_WITHIN.toSeconds() + " s");
    }

    private static String create(HttpClient client, Session session, String object, Map<String, String> fields)
            throws IOException, InterruptedException {
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(session.instanceUrl()
                        .resolve("/services/data/v59.0/sobjects/" + object + "/"))
                .header("Authorization", "Bearer " + session.accessToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fields))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new BenchFailure("Creating a " + object + " answered " + created.statusCode() + ": " + created.body());
        }
        return JSON.readTree(created.body()).path("id").asText();
    }

    /**
     * After the faults: the streaming app's own polling round (the safety net a person would press), and one of the
     * polling app; then the two graphs, fact by fact.
     */
    private static void compareWithPolling(MosaicApp streamingApp, MosaicApp polling, String pollingId, StreamFaults faults,
                                           Figures figures, PrintStream out) throws Exception {
        java.time.Instant asked = java.time.Instant.now();
        SyncDriver.syncNow(polling.http(), pollingId);
        SyncDriver.awaitRoundSince(polling.http(), pollingId, asked, Duration.ofMinutes(10));
        GraphDigest streamed;
        GraphDigest polled;
        Path digests = java.nio.file.Files.createTempDirectory("mosaic-bench-cdc-digests-");
        try (java.sql.Connection db = BenchDatabase.embedded().connect(polling)) {
            polled = GraphDigest.write(db, "default", digests, "polling");
        }
        try (java.sql.Connection db = BenchDatabase.embedded().connect(streamingApp)) {
            streamed = GraphDigest.write(db, "default", digests, "streaming");
        }
        List<String> all = streamed.differences(polled, "in the streaming app's graph", "in the polling app's graph",
                Integer.MAX_VALUE);
        // A record changed twice between two polls shows polling its end only; the stream saw each change, and its
        // timeline says so. Everything else (records, entities, golden values, links) must be the same.
        List<String> history = all.stream().filter(line -> line.startsWith("timeline, only in the streaming")
                && line.contains(" field_changed ")).toList();
        List<String> differences = all.stream().filter(line -> !history.contains(line)).limit(10).toList();
        boolean identical = differences.isEmpty();
        out.printf("Stream faults injected: %s; graphs compared fact by fact (%s): %s; %d changes on the timelines only "
                        + "the stream saw (values polling never read, between its rounds)%n", faults.injected(),
                polled.lineCounts(), identical ? "identical" : "DIFFERENT, first differences:\n  "
                        + String.join("\n  ", differences), history.size());
        figures.put("faultsInjected", faults.total()).put("faults", faults.injected()).put("identical", identical)
                .put("differences", differences).put("changesOnlyTheStreamSaw", history.size());
    }

    /**
     * Asks for the safety net's polling round and returns what it repaired, by the app's own count (each object's
     * {@code repairedBySafetyNet}: records the round found changed that the stream had not applied); checks that the
     * changes not seen within the grace are visible after it.
     */
    private static int safetyNetRound(MosaicHttp http, String connectionId, List<String> missed, PrintStream out)
            throws Exception {
        if (!missed.isEmpty()) {
            out.printf("%d changes not visible after %d s; the polling round must bring them%n", missed.size(), GRACE.toSeconds());
        }
        long before = repairedBySafetyNet(http, connectionId);
        java.time.Instant asked = java.time.Instant.now();
        SyncDriver.syncNow(http, connectionId);
        SyncDriver.awaitRoundSince(http, connectionId, asked, Duration.ofMinutes(10));
        for (String id : missed) {
            if (http.get("api/v1/external/salesforce/Contact/" + id).status() != 200) {
                throw new BenchFailure("Contact " + id + " is not in Mosaic even after a polling round");
            }
        }
        return (int) (repairedBySafetyNet(http, connectionId) - before);
    }

    private static long repairedBySafetyNet(MosaicHttp http, String connectionId) throws IOException, InterruptedException {
        long repaired = 0;
        for (JsonNode object : SyncDriver.connection(http, connectionId).path("objects")) {
            repaired += object.path("repairedBySafetyNet").asLong();
        }
        return repaired;
    }

    private static double eventsApplied(MosaicHttp http) throws IOException, InterruptedException {
        return counter(http, "mosaic_cdc_events");
    }

    /** A counter of the app's, e.g. {@code mosaic_cdc_events} (printed as {@code mosaic_cdc_events_total{…} 300.0}). */
    private static double counter(MosaicHttp http, String name) throws IOException, InterruptedException {
        String total = name + "_total";
        for (String line : http.get("actuator/prometheus?includedNames=" + name + "," + total).body().split("\n")) {
            if (line.startsWith(total)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    /** A change written in Salesforce, and when its write was answered. */
    private record Written(String id, long atNanos) {
    }

    /**
     * Checks which written changes Mosaic's API finds, oldest first (they arrive in order), and times each from its
     * write: one lookup per change found, and one more per round of checks.
     */
    private static final class Visibility implements Runnable {
        private final MosaicHttp http;
        private final Queue<Written> pending;
        private final Latencies latencies;
        private final List<Charts.Point> points;
        private final long started = System.nanoTime();
        private volatile boolean stopped;

        Visibility(MosaicHttp http, Queue<Written> pending, Latencies latencies, List<Charts.Point> points) {
            this.http = http;
            this.pending = pending;
            this.latencies = latencies;
            this.points = points;
        }

        void stop() {
            stopped = true;
        }

        @Override
        public void run() {
            try {
                while (!stopped) {
                    Written oldest = pending.peek();
                    if (oldest != null && http.get("api/v1/external/salesforce/Contact/" + oldest.id()).status() == 200) {
                        long now = System.nanoTime();
                        latencies.add(now - oldest.atNanos());
                        synchronized (points) {
                            points.add(new Charts.Point((oldest.atNanos() - started) / 1e9, (now - oldest.atNanos()) / 1e6));
                        }
                        pending.poll();
                        continue;
                    }
                    Sleeper.REAL.sleep(CHECK_EVERY);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
