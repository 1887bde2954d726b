package dev.mosaic.bench.graphload;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.bench.BenchFailure;
import dev.mosaic.bench.Figures;
import dev.mosaic.bench.OptionSpec;
import dev.mosaic.bench.Scenario;
import dev.mosaic.bench.ScenarioArguments;
import dev.mosaic.bench.UsageException;
import dev.mosaic.bench.harness.BenchDatabase;
import dev.mosaic.bench.harness.Cleanup;
import dev.mosaic.bench.harness.HeapSampler;
import dev.mosaic.bench.harness.MosaicApp;
import dev.mosaic.bench.harness.MosaicHttp;
import dev.mosaic.bench.harness.TempDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code graph-load}: how fast the app takes a customer graph through its public ingest API, identity resolution
 * included, beside the limit measured in the same run (a raw COPY of the same rows into the same database). The
 * app runs as a child process with a bounded heap; its heap is sampled during the run and searches are timed on
 * the loaded graph.
 */
public final class GraphLoadScenario implements Scenario {

    static final int MAX_BATCH = 10_000;
    private static final Duration HEAP_SAMPLE_EVERY = Duration.ofMillis(200);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "graph-load";
    }

    @Override
    public String description() {
        return "load a generated two-source customer graph through POST /api/v1/ingest; records/s vs a raw COPY, heap, search p99";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.positive("records", 1_000_000, "records to send (organizations, contacts, deals, interactions, notes)"),
                OptionSpec.positive("batch", 5_000, "items per ingest request, at most " + MAX_BATCH),
                OptionSpec.positive("concurrency", 2, "parallel senders"),
                OptionSpec.integer("seed", 1, "seed of the generated data"),
                OptionSpec.text("app-jar", "app/target/mosaic.jar", "the Mosaic jar to measure (an older build for comparison)"),
                OptionSpec.text("app-xmx", "512m", "the app's -Xmx; a run that needs more fails"),
                OptionSpec.text("db-url", null, "an external PostgreSQL, e.g. jdbc:postgresql://127.0.0.1:5432/postgres: the "
                        + "bench creates a fresh database there and drops it at the end (default: the app's embedded one)"),
                OptionSpec.text("db-user", null, "user for --db-url"),
                OptionSpec.text("db-password", null, "password for --db-url"),
                OptionSpec.positive("searches", 240, "searches timed after the load"),
                OptionSpec.positive("search-clients", 4, "concurrent search clients"));
    }

    @Override
    public Figures run(ScenarioArguments arguments, PrintStream out) throws Exception {
        Settings settings = Settings.of(arguments);
        out.printf("graph-load: %,d records from seed %d, batches of %,d items, %d parallel senders%n", settings.records,
                settings.seed, settings.batch, settings.concurrency);
        out.printf("Machine: %d processors, load average %.2f, Java %s%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"));
        try (Cleanup cleanup = new Cleanup()) {
            Path work = cleanup.register("the temporary directory", TempDirectory.create("mosaic-bench-")).path();
            BenchDatabase database = settings.dbUrl == null ? BenchDatabase.embedded()
                    : cleanup.register("the bench's database", BenchDatabase.external(settings.dbUrl, settings.dbUser,
                    settings.dbPassword));
            MosaicApp app = MosaicApp.start(new MosaicApp.Launch(settings.appJar, settings.appXmx, work,
                    database.appEnvironment()), out, started -> cleanup.register("the app", started));
            try {
                return measure(settings, app, database, cleanup, work, out);
            } catch (Exception e) {
                throw app.explain(e);
            }
        }
    }

    private Figures measure(Settings settings, MosaicApp app, BenchDatabase database, Cleanup cleanup, Path work,
                            PrintStream out)
            throws Exception {
        Map<String, String> durability = serverSettings(database, app);
        out.printf("Database: %s, %s%n", database.describe(app), durability.entrySet().stream()
                .map(setting -> setting.getKey() + "=" + setting.getValue()).reduce((a, b) -> a + " " + b).orElse(""));
        HeapSampler heap = cleanup.register("the heap sampler", HeapSampler.start(app.http(), HEAP_SAMPLE_EVERY));

        BatchStream stream = new BatchStream(settings.seed, settings.records, settings.batch);
        out.println("Loading…");
        IngestLoad.Result load = new IngestLoad(app.http(), stream, settings.concurrency, settings.records, out).run();
        double rate = load.records() / load.seconds();
        out.printf("Loaded %,d records in %.1f s: %,.0f records/s (%,d batches; per batch p50 %.0f ms, max %.0f ms)%n",
                load.records(), load.seconds(), rate, load.batches(), load.batchLatencies().percentileMs(50),
                load.batchLatencies().maxMs());
        out.printf("  created %,d, updated %,d, unchanged %,d, merged %,d, rejected %,d%n", load.created(), load.updated(),
                load.unchanged(), load.merged(), load.rejected());
        load.rejectionSamples().forEach(sample -> out.println("  refused: " + sample));
        out.printf("  items: %s; by source: %s%n", names(stream.itemsByKind()), names(stream.itemsBySource()));

        // Untimed first: other terms, so the timed searches meet a warm JIT but not a cache of their own answers.
        SearchProbe.run(app.http(), SearchTerms.warmUp(settings.seed, stream.completeSlices(), settings.searches / 2),
                settings.searchClients);
        List<SearchTerms.Search> terms = SearchTerms.sample(settings.seed, stream.completeSlices(), settings.searches);
        SearchProbe.Result search = SearchProbe.run(app.http(), terms, settings.searchClients);
        out.printf("Searched %d times with %d clients: p50 %.1f ms, p99 %.1f ms, max %.1f ms%s%n",
                search.latencies().count(), settings.searchClients, search.latencies().percentileMs(50),
                search.latencies().percentileMs(99), search.latencies().maxMs(),
                search.misses() == 0 ? "" : "; " + search.misses() + " found nothing, e.g. " + search.missSamples());
        out.println("  slowest: " + String.join(", ", search.slowest()));

        heap.close();
        long organizations = total(app.http(), "api/v1/organizations?limit=1");
        long contacts = total(app.http(), "api/v1/contacts?limit=1");
        long review = total(app.http(), "api/v1/review?limit=1");
        out.printf("Identity: %,d organizations (%,d real ones sent), %,d contacts (%,d real ones sent), %,d suggestions "
                + "in the review queue%n", organizations, stream.organizationEntities(), contacts, stream.contactEntities(), review);

        RawCopyBaseline.Result copy;
        try (Connection connection = database.connect(app)) {
            copy = RawCopyBaseline.run(connection, new BatchStream(settings.seed, settings.records, settings.batch),
                    work.resolve("raw-copy.csv"));
        }
        if (copy.rows() != load.records()) {
            throw new BenchFailure("The raw COPY wrote " + copy.rows() + " rows, not the " + load.records() + " records loaded");
        }
        double ratio = load.seconds() / copy.seconds();
        out.printf("Raw COPY of the same %,d rows (from a CSV file made beforehand in %.1f s) into a plain table of the same "
                + "database: %.2f s; the load took %.1f times as long%n", copy.rows(), copy.prepareSeconds(), copy.seconds(), ratio);
        Long peakHeapMb = heap.samples() == 0 ? null : heap.peakUsedBytes() >> 20;
        if (peakHeapMb == null) {
            out.println("WARNING: no heap sample could be read from /actuator/prometheus (" + heap.lastFailure()
                    + "); peakHeapMb is null");
        } else {
            // The JVM reports live data only after an old-generation collection; a short run may have none.
            String live = heap.peakLiveDataBytes() == 0 ? "no old-generation collection seen"
                    : String.format("peak live data after an old-generation collection %,d MB", heap.peakLiveDataBytes() >> 20);
            out.printf("App heap, sampled every %d ms from /actuator/prometheus (%d samples): peak %,d MB used, garbage "
                    + "included (-Xmx%s); %s%n", HEAP_SAMPLE_EVERY.toMillis(), heap.samples(), peakHeapMb, settings.appXmx, live);
        }

        out.printf("Targets: %,.0f records/s (at least 10,000: %s), ratio %.1f (at most 10: %s), heap %s MB (at most 512: %s), "
                        + "search p99 %.1f ms (under 50: %s)%n", rate, verdict(rate >= 10_000), ratio, verdict(ratio <= 10),
                peakHeapMb, verdict(peakHeapMb != null && peakHeapMb <= 512), search.latencies().percentileMs(99),
                verdict(search.latencies().percentileMs(99) < 50));

        Map<String, Object> byKind = new LinkedHashMap<>();
        stream.itemsByKind().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> byKind.put(entry.getKey().arrayName, entry.getValue()));
        Map<String, Object> bySource = new TreeMap<>();
        stream.itemsBySource().forEach((source, count) -> bySource.put(source.apiName, count));
        return new Figures(name())
                .put("records", load.records())
                .put("seconds", Figures.round(load.seconds(), 3))
                .put("recordsPerSecond", Figures.round(rate, 1))
                .put("rawCopySeconds", Figures.round(copy.seconds(), 3))
                .put("ratio", Figures.round(ratio, 1))
                .put("peakHeapMb", peakHeapMb)
                .put("searchP99Ms", Figures.round(search.latencies().percentileMs(99), 1))
                .put("searchP50Ms", Figures.round(search.latencies().percentileMs(50), 1))
                .put("searches", search.latencies().count())
                .put("searchMisses", search.misses())
                .put("rejected", load.rejected())
                .put("created", load.created())
                .put("updated", load.updated())
                .put("unchanged", load.unchanged())
                .put("merged", load.merged())
                .put("organizations", organizations)
                .put("organizationsExpected", stream.organizationEntities())
                .put("contacts", contacts)
                .put("contactsExpected", stream.contactEntities())
                .put("reviewQueue", review)
                .put("batches", load.batches())
                .put("itemsPerBatch", settings.batch)
                .put("concurrency", settings.concurrency)
                .put("batchP50Ms", Figures.round(load.batchLatencies().percentileMs(50), 1))
                .put("batchMaxMs", Figures.round(load.batchLatencies().maxMs(), 1))
                .put("benchGenerateSeconds", Figures.round(load.generateSeconds(), 3))
                .put("rawCopyPrepareSeconds", Figures.round(copy.prepareSeconds(), 3))
                .put("appStartSeconds", Figures.round(app.startSeconds(), 2))
                .put("searchSeconds", Figures.round(search.seconds(), 2))
                .put("peakLiveDataMb", heap.peakLiveDataBytes() >> 20)
                .put("heapSamples", heap.samples())
                .put("appXmx", settings.appXmx)
                .put("itemsByKind", byKind)
                .put("itemsBySource", bySource)
                .put("seed", settings.seed)
                .put("db", database.mode())
                .put("dbSettings", durability)
                .put("appJar", settings.appJar.toString())
                .put("processors", Runtime.getRuntime().availableProcessors());
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static Map<String, String> serverSettings(BenchDatabase database, MosaicApp app) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection connection = database.connect(app); Statement statement = connection.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes", "shared_buffers", "max_wal_size", "server_version")) {
                try (ResultSet row = statement.executeQuery("show " + setting)) {
                    row.next();
                    settings.put(setting, row.getString(1));
                }
            }
        }
        return settings;
    }

    private static long total(MosaicHttp http, String path) throws IOException, InterruptedException {
        MosaicHttp.Response response = http.get(path);
        if (response.status() != 200) {
            throw new BenchFailure("GET /" + path + " answered " + response.status() + ":\n" + response.shortBody());
        }
        return JSON.readTree(response.body()).path("total").asLong();
    }

    private static String names(Map<? extends Enum<?>, Long> counts) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(counts).forEach((key, count) -> text.append(text.length() == 0 ? "" : ", ")
                .append(key.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(String.format("%,d", count)));
        return text.toString();
    }

    /** The options, checked together. */
    private record Settings(long records, int batch, int concurrency, long seed, Path appJar, String appXmx, String dbUrl,
                            String dbUser, String dbPassword, int searches, int searchClients) {

        static Settings of(ScenarioArguments arguments) {
            int batch = arguments.positiveInt("batch");
            if (batch > MAX_BATCH) {
                throw new UsageException("--batch must be at most " + MAX_BATCH + ": the ingest API refuses larger batches");
            }
            long records = arguments.positive("records");
            long maxRecords = 20_000_000;
            if (records > maxRecords) {
                throw new UsageException("--records must be at most " + maxRecords + " (the generator's unique names run out)");
            }
            String dbUrl = arguments.text("db-url").orElse(null);
            if (dbUrl == null && (arguments.text("db-user").isPresent() || arguments.text("db-password").isPresent())) {
                throw new UsageException("--db-user and --db-password go with --db-url");
            }
            String xmx = arguments.text("app-xmx").orElseThrow();
            if (!xmx.matches("\\d+[kmgKMG]?")) {
                throw new UsageException("--app-xmx must look like 512m or 2g, not '" + xmx + "'");
            }
            return new Settings(records, batch, arguments.positiveInt("concurrency"), arguments.integer("seed"),
                    Path.of(arguments.text("app-jar").orElseThrow()), xmx, dbUrl, arguments.text("db-user").orElse(null),
                    arguments.text("db-password").orElse(null), arguments.positiveInt("searches"),
                    arguments.positiveInt("search-clients"));
        }

        @Override
        public String toString() {
            return "Settings[records=" + records + ", dbPassword=***]";
        }
    }
}
