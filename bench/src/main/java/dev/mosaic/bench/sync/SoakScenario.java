package dev.mosaic.bench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.bench.Figures;
import dev.mosaic.bench.OptionSpec;
import dev.mosaic.bench.Scenario;
import dev.mosaic.bench.ScenarioArguments;
import dev.mosaic.bench.harness.Charts;
import dev.mosaic.bench.harness.Cleanup;
import dev.mosaic.bench.harness.HeapSampler;
import dev.mosaic.bench.harness.Latencies;
import dev.mosaic.bench.harness.MosaicApp;
import dev.mosaic.bench.harness.MosaicHttp;
import dev.mosaic.bench.harness.SignedInBrowser;
import dev.mosaic.bench.harness.TempDirectory;
import dev.mosaic.salesforce.client.Sleeper;
import dev.mosaic.salesforce.emulator.SalesforceEmulator;
import dev.mosaic.salesforce.emulator.org.Org;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code soak}: once an org is synced, everything a day brings runs together against one app for M minutes. Salesforce
 * changes every few seconds and the polling rounds follow (the lag: from a record's creation in Salesforce until the
 * API shows it); a source system pushes batches to the ingest API; CSV files are imported; people read the API and the
 * pages. Counted: every request, every failure (5xx apart), read latency, heap growth, sync lag.
 */
public final class SoakScenario implements Scenario {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HEAP_SAMPLE_EVERY = Duration.ofSeconds(2);
    private static final Duration MUTATE_EVERY = Duration.ofSeconds(10);
    private static final Duration INGEST_PAUSE = Duration.ofMillis(500);
    private static final Duration CSV_EVERY = Duration.ofSeconds(20);
    private static final Duration PAGE_PAUSE = Duration.ofMillis(250);
    private static final List<String> PAGES = List.of("", "organizations", "organizations?sort=open-pipeline&dir=desc",
            "pipeline", "health", "contacts");

    @Override
    public String name() {
        return "soak";
    }

    @Override
    public String description() {
        return "sync, ingest, CSV imports and API/page reads together for M minutes while Salesforce keeps changing; "
                + "failures, read p99, heap growth, sync lag";
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> options = new ArrayList<>(List.of(
                OptionSpec.positive("minutes", 10, "how long everything runs together"),
                OptionSpec.positive("accounts", 2_000, "accounts in the generated org synced first"),
                OptionSpec.integer("seed", 42, "seed of the generated org and of its changes"),
                OptionSpec.positive("readers", 4, "API clients reading lists, 360 pages, timelines and the pipeline"),
                OptionSpec.positive("sync-seconds", 15, "the connection's sync interval (the schedule between rounds)"),
                OptionSpec.text("charts", "bench/charts", "directory for the run's PNG charts")));
        options.addAll(EmulatedOrgAndApp.appOptions());
        return options;
    }

    @Override
    public Figures run(ScenarioArguments arguments, PrintStream out) throws Exception {
        Duration soak = Duration.ofMinutes(arguments.positiveInt("minutes"));
        int syncSeconds = arguments.positiveInt("sync-seconds");
        try (Cleanup cleanup = new Cleanup()) {
            SalesforceEmulator emulator = EmulatedOrgAndApp.emulator(arguments, cleanup);
            Path work = cleanup.register("the temporary directory", TempDirectory.create("mosaic-bench-soak-")).path();
            MosaicApp app = EmulatedOrgAndApp.startApp(arguments, work, Map.of("MOSAIC_SALESFORCE_SYNC_INTERVAL",
                    syncSeconds + "s"), "the app", cleanup, out);
            try {
                long loading = System.nanoTime();
                String id = SyncDriver.connect(app.http(), emulator);
                JsonNode loaded = SyncDriver.awaitLoaded(app.http(), id, out, loading, new ArrayList<>());
                out.printf("Synced %,d records in %.1f s; now %d minutes of everything at once%n",
                        SyncDriver.recordsSynced(loaded), (System.nanoTime() - loading) / 1e9, soak.toMinutes());
                return soak(arguments, emulator, app, soak, cleanup, out);
            } catch (Exception e) {
                throw app.explain(e);
            }
        }
    }

    private Figures soak(ScenarioArguments arguments, SalesforceEmulator emulator, MosaicApp app, Duration soak, Cleanup cleanup,
                         PrintStream out) throws Exception {
        HeapSampler heap = cleanup.register("the heap sampler", HeapSampler.start(app.http(), HEAP_SAMPLE_EVERY));
        long end = System.nanoTime() + soak.toNanos();
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (String kind : List.of("ingest", "csvImport", "pages")) {
            tallies.put(kind, new Tally());
        }
        List<Charts.Point> lags = new ArrayList<>();
        AtomicLong unseen = new AtomicLong();
        SignedInBrowser browser = SignedInBrowser.signIn(app);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        long started = System.nanoTime();
        try {
            workers.add(pool.submit(() -> followChanges(emulator.org(), app.http(), arguments.integer("seed"), end, started,
                    lags, unseen)));
            workers.add(pool.submit(() -> ingest(app.http(), end, tallies.get("ingest"))));
            workers.add(pool.submit(() -> importCsv(app.http(), end, tallies.get("csvImport"))));
            workers.add(pool.submit(() -> readPages(browser, end, tallies.get("pages"))));
            ViewReads.Result reads = ViewReads.run(app.http(), arguments.positiveInt("readers"), soak, out);
            for (Future<?> worker : workers) {
                worker.get();
            }
            heap.close();
            return report(arguments, reads, tallies, lags, unseen.get(), heap, out);
        } finally {
            pool.shutdownNow();
        }
    }

    private Figures report(ScenarioArguments arguments, ViewReads.Result reads, Map<String, Tally> tallies,
                           List<Charts.Point> lags, long unseen, HeapSampler heap, PrintStream out) throws Exception {
        long requests = reads.all().count();
        long errors = reads.errors();
        long serverErrors = reads.serverErrors();
        Latencies all = new Latencies();
        all.addAll(reads.all());
        Map<String, Object> byKind = new LinkedHashMap<>();
        byKind.put("apiReads", Map.of("requests", reads.all().count(), "errors", reads.errors(),
                "p99Ms", Figures.round(reads.all().percentileMs(99), 1)));
        for (Map.Entry<String, Tally> tally : tallies.entrySet()) {
            Tally t = tally.getValue();
            requests += t.latencies.count();
            errors += t.errors.get();
            serverErrors += t.serverErrors.get();
            if (tally.getKey().equals("pages")) {
                all.addAll(t.latencies);
            }
            byKind.put(tally.getKey(), Map.of("requests", t.latencies.count(), "errors", t.errors.get(),
                    "p99Ms", Figures.round(t.latencies.percentileMs(99), 1), "last", t.lastFailure));
        }
        double lagMax = lags.stream().mapToDouble(Charts.Point::y).max().orElse(Double.NaN);
        double lagMedian = lags.isEmpty() ? Double.NaN
                : lags.stream().mapToDouble(Charts.Point::y).sorted().toArray()[lags.size() / 2];
        List<Charts.Point> heapSeries = heap.usedMbOverTime();
        double growth = floor(heapSeries, 0.8, 1.0) - floor(heapSeries, 0.1, 0.3);
        double p99 = all.percentileMs(99);
        int syncSeconds = arguments.positiveInt("sync-seconds");
        out.printf("%,d requests, %d failed (%d with a 5xx): %s%n", requests, errors, serverErrors, byKind);
        out.printf("Reads (API and pages): p50 %.1f ms, p99 %.1f ms%n", all.percentileMs(50), p99);
        out.printf("Sync lag (created in Salesforce until the API shows it; rounds every %d s): median %.1f s, max %.1f s "
                + "over %d changes (%d not visible when the soak ended, counted until then)%n", syncSeconds, lagMedian, lagMax,
                lags.size(), unseen);
        out.printf("Heap: the floor (least used, after collections) grew %.0f MB from the first minutes to the last; peak "
                + "%d MB%n", growth, heap.peakUsedBytes() >> 20);
        boolean lagBounded = lagMax <= 2 * syncSeconds + 30;
        out.printf("Targets: no 5xx (%s), heap flat within 64 MB (%s), lag within two rounds and 30 s (%s)%n",
                SyncScenario.verdict(serverErrors == 0), SyncScenario.verdict(growth <= 64), SyncScenario.verdict(lagBounded));
        Path charts = Path.of(arguments.text("charts").orElseThrow());
        Charts.lines(charts.resolve("soak-heap.png"), "Heap used during the soak", "seconds", "MB",
                Map.of("heap used", heapSeries));
        Charts.lines(charts.resolve("soak-lag.png"), "Sync lag: created in Salesforce until visible in Mosaic",
                "seconds into the soak", "seconds", Map.of("lag", lags));
        return new Figures(name())
                .put("requests", requests)
                .put("errors", errors)
                .put("serverErrors", serverErrors)
                .put("p99Ms", Figures.round(p99, 1))
                .put("p50Ms", Figures.round(all.percentileMs(50), 1))
                .put("heapGrowthMb", Figures.round(growth, 1))
                .put("peakHeapMb", heap.peakUsedBytes() >> 20)
                .put("lagSeconds", Figures.round(lagMax, 2))
                .put("lagMedianSeconds", Figures.round(lagMedian, 2))
                .put("changesFollowed", lags.size())
                .put("changesNotVisibleAtEnd", unseen)
                .put("byKind", byKind)
                .put("minutes", arguments.positiveInt("minutes"))
                .put("syncIntervalSeconds", syncSeconds);
    }

    /** The least heap used between two fractions of the run: what stays after the collections there. */
    private static double floor(List<Charts.Point> series, double from, double to) {
        if (series.isEmpty()) {
            return Double.NaN;
        }
        double last = series.get(series.size() - 1).x();
        return series.stream().filter(p -> p.x() >= from * last && p.x() <= to * last).mapToDouble(Charts.Point::y).min()
                .orElse(Double.NaN);
    }

    /** Changes Salesforce every few seconds and times how long until a contact it created shows in Mosaic. */
    private static Void followChanges(Org org, MosaicHttp http, long seed, long end, long started, List<Charts.Point> lags,
                                      AtomicLong unseen) throws Exception {
        for (int i = 0; System.nanoTime() < end; i++) {
            long changed = System.nanoTime();
            JsonNode mutation = JSON.valueToTree(org.mutate(seed + 100 + i, 3, 8, 1));
            String created = mutation.path("createdIds").path("Contact").path(0).asText("");
            boolean seen = created.isEmpty();
            while (!seen && System.nanoTime() < end) {
                seen = http.get("api/v1/external/salesforce/Contact/" + created).status() == 200;
                if (!seen) {
                    Sleeper.REAL.sleep(Duration.ofMillis(250));
                }
            }
            if (!created.isEmpty()) {
                // One not visible when the soak ended counts with the time it waited so far.
                lags.add(new Charts.Point((changed - started) / 1e9, (System.nanoTime() - changed) / 1e9));
                unseen.addAndGet(seen ? 0 : 1);
            }
            long next = changed + MUTATE_EVERY.toNanos();
            if (next > System.nanoTime()) {
                Sleeper.REAL.sleep(Duration.ofNanos(next - System.nanoTime()));
            }
        }
        return null;
    }

    /** A source system pushing batches of organizations and contacts to the ingest API. */
    private static Void ingest(MosaicHttp http, long end, Tally tally) throws Exception {
        for (int batch = 0; System.nanoTime() < end; batch++) {
            List<Map<String, Object>> organizations = new ArrayList<>();
            List<Map<String, Object>> contacts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String n = batch + "-" + i;
                organizations.add(Map.of("externalId", "o-" + n, "name", "Soak Company " + n, "domain", "soak" + n + ".com"));
                contacts.add(Map.of("externalId", "c-" + n, "name", "Soak Person " + n, "email", "person" + n + "@soak" + n
                        + ".com", "organization", "o-" + n));
            }
            byte[] body = JSON.writeValueAsBytes(Map.of("organizations", organizations, "contacts", contacts));
            tally.time(() -> http.postJson("api/v1/ingest/billing", body));
            Sleeper.REAL.sleep(INGEST_PAUSE);
        }
        return null;
    }

    /** A person importing a CSV of contacts now and then. */
    private static Void importCsv(MosaicHttp http, long end, Tally tally) throws Exception {
        for (int file = 0; System.nanoTime() < end; file++) {
            StringBuilder csv = new StringBuilder("Email,First Name,Last Name,Company\n");
            for (int row = 0; row < 300; row++) {
                csv.append("csv").append(file).append('-').append(row).append("@import-soak.com,Imported,Row ").append(row)
                        .append(",Import Company ").append(row % 40).append('\n');
            }
            byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
            tally.time(() -> http.post("api/v1/imports?type=contacts&source=soak-csv", "text/csv; charset=utf-8", body));
            Sleeper.REAL.sleep(CSV_EVERY);
        }
        return null;
    }

    /** A person clicking through the pages. */
    private static Void readPages(SignedInBrowser browser, long end, Tally tally) throws Exception {
        for (int i = 0; System.nanoTime() < end; i++) {
            String page = PAGES.get(i % PAGES.size());
            tally.time(() -> browser.get(page));
            Sleeper.REAL.sleep(PAGE_PAUSE);
        }
        return null;
    }

    /** Requests of one kind: their latency, and which failed. */
    private static final class Tally {
        private final Latencies latencies = new Latencies();
        private final AtomicLong errors = new AtomicLong();
        private final AtomicLong serverErrors = new AtomicLong();
        private volatile String lastFailure = "";

        interface Call {
            MosaicHttp.Response send() throws Exception;
        }

        void time(Call call) throws InterruptedException {
            long before = System.nanoTime();
            try {
                MosaicHttp.Response response = call.send();
                // A redirect counts too: for a page it means the session was lost to the sign-in form.
                if (response.status() >= 300) {
                    errors.incrementAndGet();
                    serverErrors.addAndGet(response.status() >= 500 ? 1 : 0);
                    lastFailure = response.status() + " " + response.shortBody().substring(0,
                            Math.min(300, response.shortBody().length()));
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                errors.incrementAndGet();
                serverErrors.incrementAndGet();
                lastFailure = e.toString();
            }
            latencies.add(System.nanoTime() - before);
        }
    }
}
