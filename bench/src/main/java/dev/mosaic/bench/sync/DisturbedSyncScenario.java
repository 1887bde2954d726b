package dev.mosaic.bench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.bench.Figures;
import dev.mosaic.bench.OptionSpec;
import dev.mosaic.bench.Scenario;
import dev.mosaic.bench.ScenarioArguments;
import dev.mosaic.bench.harness.BenchDatabase;
import dev.mosaic.bench.harness.Charts;
import dev.mosaic.bench.harness.Cleanup;
import dev.mosaic.bench.harness.GraphDigest;
import dev.mosaic.bench.harness.MosaicApp;
import dev.mosaic.bench.harness.TempDirectory;
import dev.mosaic.salesforce.emulator.SalesforceEmulator;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code faults} and {@code crash}: two apps sync one emulated org, each on its own embedded PostgreSQL. The clean
 * one goes undisturbed; the subject is disturbed through its initial load and through the round after the org
 * changes. Each step runs first on the clean app, then on the subject, so both see the same org. Then the two graphs
 * are compared fact by fact ({@link GraphDigest}): whatever went wrong, nothing may be lost, doubled or different.
 */
public final class DisturbedSyncScenario implements Scenario {

    private static final Duration PATIENCE = Duration.ofMinutes(60);
    private static final int DIFFERENCES_SHOWN = 20;

    private final String name;
    private final String description;
    private final Disturbance disturbance;

    private DisturbedSyncScenario(String name, String description, Disturbance disturbance) {
        this.name = name;
        this.description = description;
        this.disturbance = disturbance;
    }

    public static DisturbedSyncScenario faults() {
        return new DisturbedSyncScenario("faults", "sync an emulated org while Salesforce fails in every way the emulator "
                + "knows, then compare the graph with a clean run's", new SalesforceFaults());
    }

    public static DisturbedSyncScenario crash() {
        return new DisturbedSyncScenario("crash", "sync an emulated org while the app (and its PostgreSQL) is killed with "
                + "SIGKILL and restarted, then compare the graph with a clean run's", new CrashKills());
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
        List<OptionSpec> options = new ArrayList<>(List.of(
                OptionSpec.positive("accounts", 2_000, "accounts in the generated org (2,000 give about 70,000 records)"),
                OptionSpec.integer("seed", 42, "seed of the generated org, its changes and the disturbances"),
                OptionSpec.positive("changes", 100, "changes made in Salesforce after the initial load"),
                OptionSpec.positive("page-records", 5_000, "rows per Bulk result page (small pages commit often)"),
                OptionSpec.text("charts", "bench/charts", "directory for the run's PNG chart"),
                OptionSpec.text("digests", null, "keep both graphs' digests (sorted text, one fact per line) in this "
                        + "directory; default: a temporary one, removed")));
        options.addAll(EmulatedOrgAndApp.appOptions());
        options.addAll(disturbance.options());
        return options;
    }

    @Override
    public Figures run(ScenarioArguments arguments, PrintStream out) throws Exception {
        int accounts = arguments.positiveInt("accounts");
        long seed = arguments.integer("seed");
        out.printf("%s: an org of %,d accounts from seed %d, synced by a clean app and a disturbed one%n", name, accounts, seed);
        try (Cleanup cleanup = new Cleanup()) {
            SalesforceEmulator emulator = EmulatedOrgAndApp.emulator(arguments, cleanup);
            disturbance.prepare(arguments, emulator, out);
            Path work = cleanup.register("the temporary directory", TempDirectory.create("mosaic-bench-" + name + "-")).path();
            MosaicApp clean = start(arguments, work.resolve("clean"), "the clean app", cleanup, out);
            SubjectApp subject = new SubjectApp(start(arguments, work.resolve("subject"), "the disturbed app", cleanup, out),
                    cleanup, out);
            try {
                return compare(arguments, emulator, clean, subject, work, out);
            } catch (Exception e) {
                throw subject.app().explain(e);
            }
        }
    }

    private Figures compare(ScenarioArguments arguments, SalesforceEmulator emulator, MosaicApp clean, SubjectApp subject,
                            Path work, PrintStream out) throws Exception {
        long started = System.nanoTime();
        String cleanId = SyncDriver.connect(clean.http(), emulator);
        List<Charts.Point> cleanProgress = new ArrayList<>();
        JsonNode loaded = SyncDriver.awaitLoaded(clean.http(), cleanId, out, started, cleanProgress);
        Duration cleanLoad = Duration.ofNanos(System.nanoTime() - started);
        long records = SyncDriver.recordsSynced(loaded);
        out.printf("The clean app loaded %,d records in %.1f s%n", records, cleanLoad.toMillis() / 1000.0);

        Instant asked = Instant.now();
        started = System.nanoTime();
        String subjectId = SyncDriver.connect(subject.http(), emulator);
        ProgressSampler disturbedProgress = ProgressSampler.start(subject::http, subjectId);
        disturbance.disturb(Disturbance.Phase.INITIAL_LOAD, subject, cleanLoad);
        SyncDriver.Driven load = SyncDriver.driveToDone(subject::http, subjectId, asked, PATIENCE);
        disturbance.settle();
        chart(arguments, cleanProgress, disturbedProgress.stop(), out);
        double subjectLoadSeconds = (System.nanoTime() - started) / 1e9;
        out.printf("The disturbed app loaded them in %.1f s (\"Sync now\" pressed %d times after failed rounds)%n",
                subjectLoadSeconds, load.syncNowPresses());

        OrgChanges changes = OrgChanges.make(emulator.org(), arguments.integer("seed") + 1, arguments.positiveInt("changes"));
        Instant changed = Instant.now();
        started = System.nanoTime();
        SyncDriver.syncNow(clean.http(), cleanId);
        SyncDriver.awaitRoundSince(clean.http(), cleanId, changed, PATIENCE);
        Duration cleanRound = Duration.ofNanos(System.nanoTime() - started);

        Instant subjectAsked = Instant.now();
        SyncDriver.syncNow(subject.http(), subjectId);
        disturbance.disturb(Disturbance.Phase.INCREMENTAL_ROUND, subject, cleanRound);
        SyncDriver.Driven round = SyncDriver.driveToDone(subject::http, subjectId, subjectAsked, PATIENCE);
        disturbance.settle();
        out.printf("%d changes in Salesforce: the clean app's round took %.1f s; the disturbed app was done %.1f s after "
                        + "it was asked%n", changes.count(), cleanRound.toMillis() / 1000.0,
                Duration.between(subjectAsked, Instant.now()).toMillis() / 1000.0);

        Path digests = arguments.text("digests").map(Path::of).orElse(work);
        Files.createDirectories(digests);
        GraphDigest cleanGraph = digest(clean, digests, "clean");
        GraphDigest subjectGraph = digest(subject.app(), digests, "disturbed");
        List<String> differences = subjectGraph.differences(cleanGraph, "in the disturbed graph", "in the clean graph",
                DIFFERENCES_SHOWN);
        Map<String, Long> facts = cleanGraph.lineCounts();
        boolean identical = differences.isEmpty();
        out.printf("Graphs compared fact by fact (%s): %s%n", facts, identical ? "identical"
                : "DIFFERENT, first differences:\n  " + String.join("\n  ", differences));

        Figures figures = new Figures(name)
                .put("identical", identical)
                .put("records", records)
                .put("changes", changes.count())
                .put("facts", facts)
                .put("differences", differences)
                .put("cleanLoadSeconds", Figures.round(cleanLoad.toMillis() / 1000.0, 2))
                .put("disturbedLoadSeconds", Figures.round(subjectLoadSeconds, 2))
                .put("syncNowPresses", load.syncNowPresses() + round.syncNowPresses())
                .put("accounts", arguments.positiveInt("accounts"));
        disturbance.report(figures, out);
        return figures;
    }

    /** The two loads' records over time, side by side: where the disturbed one stalled, retried, restarted. */
    private void chart(ScenarioArguments arguments, List<Charts.Point> clean, List<Charts.Point> disturbed, PrintStream out)
            throws Exception {
        Path chart = Path.of(arguments.text("charts").orElseThrow(), name + "-load.png");
        Map<String, List<Charts.Point>> lines = new LinkedHashMap<>();
        lines.put("the clean app", clean);
        lines.put(name.equals("crash") ? "the app killed and restarted" : "the app through Salesforce's faults", disturbed);
        Charts.lines(chart, "Initial load, undisturbed and " + (name.equals("crash") ? "through SIGKILLs" : "through faults"),
                "seconds", "records synced", lines);
        out.printf("Chart: %s%n", chart);
    }

    private static GraphDigest digest(MosaicApp app, Path directory, String label) throws Exception {
        try (Connection db = BenchDatabase.embedded().connect(app)) {
            return GraphDigest.write(db, "default", directory, label);
        }
    }

    private static MosaicApp start(ScenarioArguments arguments, Path work, String what, Cleanup cleanup, PrintStream out)
            throws Exception {
        Files.createDirectories(work);
        Map<String, String> environment = Map.of(
                "MOSAIC_SALESFORCE_SYNC_INTERVAL", "24h",
                "MOSAIC_SALESFORCE_BULK_PAGE_RECORDS", Integer.toString(arguments.positiveInt("page-records")));
        return EmulatedOrgAndApp.startApp(arguments, work, environment, what, cleanup, out);
    }
}
