package dev.mosaic.bench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.bench.BenchFailure;
import dev.mosaic.bench.Figures;
import dev.mosaic.bench.OptionSpec;
import dev.mosaic.bench.Scenario;
import dev.mosaic.bench.ScenarioArguments;
import dev.mosaic.bench.harness.BenchDatabase;
import dev.mosaic.bench.harness.Charts;
import dev.mosaic.bench.harness.Cleanup;
import dev.mosaic.bench.harness.HeapSampler;
import dev.mosaic.bench.harness.MosaicApp;
import dev.mosaic.bench.harness.MosaicHttp;
import dev.mosaic.bench.harness.TempDirectory;
import dev.mosaic.salesforce.client.Sleeper;
import dev.mosaic.salesforce.emulator.SalesforceEmulator;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code sync}: the initial sync of a generated Salesforce org (28,000 accounts are about a million records) from
 * the emulator into the app's graph, beside the limit measured in the same run: the same records read from the
 * same emulator by the Salesforce client alone and parsed into nothing ({@link RawBulkRead}). Also the app's heap
 * and its API calls against the fewest a Bulk reader needs.
 */
public final class SyncScenario implements Scenario {

    private static final Duration HEAP_SAMPLE_EVERY = Duration.ofMillis(500);
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final String description;
    private final AfterSync after;
    private final boolean streaming;

    private SyncScenario(String name, String description, AfterSync after) {
        this(name, description, after, false);
    }

    /** @param streaming whether the connection streams its changes (Change Data Capture) besides its polling rounds */
    private SyncScenario(String name, String description, AfterSync after, boolean streaming) {
        this.name = name;
        this.description = description;
        this.after = after;
        this.streaming = streaming;
    }

    /** What a scenario measures once the org is synced, with the options it adds. */
    interface AfterSync {

        AfterSync NOTHING = new AfterSync() {
        };

        default List<OptionSpec> options() {
            return List.of();
        }

        /** @param connectionId the synced org's connection in the app */
        default void measure(ScenarioArguments arguments, SalesforceEmulator emulator, MosaicApp app, String connectionId,
                             Figures figures, PrintStream out) throws Exception {
        }
    }

    public static SyncScenario sync() {
        return new SyncScenario("sync",
                "initial sync of an emulated Salesforce org into the graph; records/s vs the client's raw read, heap, API calls",
                AfterSync.NOTHING);
    }

    public static SyncScenario views() {
        return new SyncScenario("views", "sync an emulated org, then concurrent clients read lists, 360 pages, timelines "
                + "and the pipeline; latency per call", new ViewsAfterSync());
    }

    public static SyncScenario incremental() {
        return new SyncScenario("incremental", "sync an emulated org, then change it (creates, edits, deletes, a merge) "
                + "and time a round until every change shows in the API; API calls of a round and of an idle one",
                new IncrementalChanges());
    }

    public static SyncScenario cdc() {
        return new SyncScenario("cdc", "sync an emulated org that streams its changes, then change it at a steady rate "
                + "through its REST API; time from each write to its visibility in Mosaic's API", new ChangeStreamLatency(),
                true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> options = new ArrayList<>(syncOptions());
        options.addAll(after.options());
        return options;
    }

    private static List<OptionSpec> syncOptions() {
        List<OptionSpec> options = new ArrayList<>(List.of(
                OptionSpec.positive("accounts", 28_000, "accounts in the generated org; 28,000 give about a million records"),
                OptionSpec.integer("seed", 42, "seed of the generated org"),
                OptionSpec.positive("page-records", 50_000, "rows per Bulk result page, for the app and the raw read"),
                OptionSpec.text("db-url", null, "an external PostgreSQL (the bench creates a fresh database there and drops "
                        + "it at the end; default: the app's embedded one)"),
                OptionSpec.text("db-user", null, "user for --db-url"),
                OptionSpec.text("db-password", null, "password for --db-url"),
                OptionSpec.flag("purge", "then disconnect the org purging its records, and time the purge"),
                OptionSpec.text("charts", "bench/charts", "directory for the run's PNG charts")));
        options.addAll(EmulatedOrgAndApp.appOptions());
        return options;
    }

    @Override
    public Figures run(ScenarioArguments arguments, PrintStream out) throws Exception {
        int accounts = arguments.positiveInt("accounts");
        long seed = arguments.integer("seed");
        int pageRecords = arguments.positiveInt("page-records");
        out.printf("sync: an org of %,d accounts from seed %d; Bulk pages of %,d rows%n", accounts, seed, pageRecords);
        out.printf("Machine: %d processors, load average %.2f, Java %s%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"));
        try (Cleanup cleanup = new Cleanup()) {
            long generating = System.nanoTime();
            SalesforceEmulator emulator = EmulatedOrgAndApp.emulator(arguments, cleanup);
            out.printf("Emulator at %s generated the org in %.1f s%n", emulator.baseUrl(), (System.nanoTime() - generating) / 1e9);

            RawBulkRead.Result raw = RawBulkRead.run(emulator, pageRecords, out);
            out.printf("Raw read by the client alone: %,d rows in %.1f s (%,.0f rows/s), %d API calls%n", raw.rows(),
                    raw.seconds(), raw.rows() / raw.seconds(), raw.apiCalls());

            Path work = cleanup.register("the temporary directory", TempDirectory.create("mosaic-bench-sync-")).path();
            BenchDatabase database = arguments.text("db-url").isEmpty() ? BenchDatabase.embedded()
                    : cleanup.register("the bench's database", BenchDatabase.external(arguments.text("db-url").get(),
                    arguments.text("db-user").orElse(null), arguments.text("db-password").orElse(null)));
            Map<String, String> environment = new LinkedHashMap<>(database.appEnvironment());
            environment.put("MOSAIC_SALESFORCE_SYNC_INTERVAL", "24h");
            environment.put("MOSAIC_SALESFORCE_BULK_PAGE_RECORDS", Integer.toString(pageRecords));
            MosaicApp app = EmulatedOrgAndApp.startApp(arguments, work, environment, "the app", cleanup, out);
            try {
                return measure(arguments, emulator, app, raw, cleanup, out);
            } catch (Exception e) {
                throw app.explain(e);
            }
        }
    }

    private Figures measure(ScenarioArguments arguments, SalesforceEmulator emulator, MosaicApp app, RawBulkRead.Result raw,
                            Cleanup cleanup, PrintStream out) throws Exception {
        HeapSampler heap = cleanup.register("the heap sampler", HeapSampler.start(app.http(), HEAP_SAMPLE_EVERY));
        long callsBefore = emulator.apiCalls();
        JsonNode statsBefore = EmulatorStats.read(emulator);
        long started = System.nanoTime();
        String id = SyncDriver.connect(app.http(), emulator, streaming);
        List<Charts.Point> progress = new ArrayList<>();
        progress.add(new Charts.Point(0, 0));
        JsonNode connection = SyncDriver.awaitLoaded(app.http(), id, out, started, progress);
        double seconds = (System.nanoTime() - started) / 1e9;
        long apiCalls = emulator.apiCalls() - callsBefore;
        Map<String, Long> callsByEndpoint = EmulatorStats.callsSince(statsBefore, EmulatorStats.read(emulator));
        heap.close();

        long records = SyncDriver.recordsSynced(connection);
        if (records != raw.rows()) {
            throw new BenchFailure("The app read " + records + " records, the raw read " + raw.rows() + ": " + connection);
        }
        double rate = records / seconds;
        double ratio = seconds / raw.seconds();
        long lowerBound = raw.apiCallsLowerBound();
        Long peakHeapMb = heap.samples() == 0 ? null : heap.peakUsedBytes() >> 20;
        out.printf("Synced %,d records in %.1f s: %,.0f records/s; %.1f times the raw read's time%n", records, seconds, rate, ratio);
        out.printf("API calls: %d (the fewest a Bulk reader needs: %d, %.2f times that); requests by endpoint: %s%n", apiCalls,
                lowerBound, (double) apiCalls / lowerBound, callsByEndpoint);
        out.printf("App heap: peak %s MB used (sampled every %d ms, %d samples, -Xmx%s)%n", peakHeapMb,
                HEAP_SAMPLE_EVERY.toMillis(), heap.samples(), arguments.text("app-xmx").orElseThrow());
        out.printf("Targets: ratio %.1f (at most 3: %s), heap %s MB (at most 512: %s), API calls %.2f x the lower bound "
                        + "(at most 1.1: %s)%n", ratio, verdict(ratio <= 3), peakHeapMb,
                verdict(peakHeapMb != null && peakHeapMb <= 512), (double) apiCalls / lowerBound,
                verdict(apiCalls <= 1.1 * lowerBound));
        Map<String, Object> byObject = new LinkedHashMap<>();
        connection.path("objects").forEach(object -> byObject.put(object.path("name").asText(),
                Map.of("records", object.path("recordsSynced").asLong(), "recordsPerSecond", object.path("recordsPerSecond").asLong())));
        Figures figures = new Figures(name())
                .put("records", records)
                .put("seconds", Figures.round(seconds, 2))
                .put("recordsPerSecond", Figures.round(rate, 1))
                .put("rawSeconds", Figures.round(raw.seconds(), 2))
                .put("ratio", Figures.round(ratio, 2))
                .put("peakHeapMb", peakHeapMb)
                .put("apiCalls", apiCalls)
                .put("apiCallsLowerBound", lowerBound)
                .put("rawApiCalls", raw.apiCalls())
                .put("requestsByEndpoint", callsByEndpoint)
                .put("accounts", arguments.positiveInt("accounts"))
                .put("byObject", byObject)
                .put("appStartSeconds", Figures.round(app.startSeconds(), 2))
                .put("processors", Runtime.getRuntime().availableProcessors());
        Path chart = Path.of(arguments.text("charts").orElseThrow(), name + "-throughput.png");
        progress.add(new Charts.Point(seconds, records));
        Map<String, List<Charts.Point>> lines = new LinkedHashMap<>();
        lines.put("the app's sync", progress);
        lines.put("the client's raw read alone (the limit)", List.of(new Charts.Point(0, 0),
                new Charts.Point(raw.seconds(), records)));
        Charts.lines(chart, String.format("Initial sync of %,d records", records), "seconds", "records in the graph", lines);
        out.printf("Chart: %s%n", chart);
        after.measure(arguments, emulator, app, id, figures, out);
        if (arguments.flag("purge")) {
            purge(app.http(), id, connection.path("orgId").asText(), figures, out);
        }
        return figures;
    }

    /** Disconnects the org purging its records, and waits until the purge is done. */
    private static void purge(MosaicHttp http, String id, String orgId, Figures figures, PrintStream out) throws Exception {
        long started = System.nanoTime();
        MosaicHttp.Response disconnected = http.delete("api/v1/connections/salesforce/" + id + "?purge=true");
        if (disconnected.status() != 202) {
            throw new BenchFailure("Disconnecting with purge answered " + disconnected.status() + ": " + disconnected.shortBody());
        }
        JsonNode purge;
        do {
            Sleeper.REAL.sleep(POLL);
            purge = JSON.readTree(http.get("api/v1/connections/salesforce/orgs/" + orgId).body()).path("purge");
        } while (!purge.hasNonNull("finishedAt"));
        double seconds = (System.nanoTime() - started) / 1e9;
        long purged = purge.path("recordsPurged").asLong();
        out.printf("Purged the org's %,d records in %.1f s: %,.0f records/s%n", purged, seconds, purged / seconds);
        figures.put("recordsPurged", purged).put("purgeSeconds", Figures.round(seconds, 2))
                .put("purgeRecordsPerSecond", Figures.round(purged / seconds, 1));
    }

    static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }
}
