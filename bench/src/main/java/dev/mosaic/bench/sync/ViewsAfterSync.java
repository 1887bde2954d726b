package dev.mosaic.bench.sync;

import dev.mosaic.bench.Figures;
import dev.mosaic.bench.OptionSpec;
import dev.mosaic.bench.ScenarioArguments;
import dev.mosaic.bench.harness.Charts;
import dev.mosaic.bench.harness.MosaicApp;
import dev.mosaic.bench.harness.MosaicHttp;
import dev.mosaic.salesforce.emulator.SalesforceEmulator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code views}: once the org is synced, concurrent clients read what people read ({@link ViewReads}). They read for a
 * while first, not counted: right after the sync the app's read paths are not compiled yet, and the JIT compiler took a
 * third of the app's CPU in the first 25 s of reading (and still a fifth after 10 s), which a server that has been up
 * for minutes no longer pays.
 */
final class ViewsAfterSync implements SyncScenario.AfterSync {

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.positive("clients", 8, "concurrent clients reading"),
                OptionSpec.positive("seconds", 30, "how long they read"),
                OptionSpec.positive("warmup-seconds", 20, "how long they read first, not counted"));
    }

    /** Waits for the views' figures to take in the whole sync, then has clients read the views for a while. */
    @Override
    public void measure(ScenarioArguments arguments, SalesforceEmulator emulator, MosaicApp app, String connectionId,
                        Figures figures, PrintStream out) throws Exception {
        MosaicHttp http = app.http();
        double figuresSeconds = SyncDriver.awaitFiguresCurrent(http);
        out.printf("The views' figures took in the whole sync %.1f s after it ended%n", figuresSeconds);
        int clients = arguments.positiveInt("clients");
        int warmupSeconds = arguments.positiveInt("warmup-seconds");
        ViewReads.Result warmup = ViewReads.run(http, clients, Duration.ofSeconds(warmupSeconds), out);
        out.printf("Warm-up, not counted: %,d calls in %d s, p50 %.1f ms, p99 %.1f ms%n", warmup.all().count(), warmupSeconds,
                warmup.all().percentileMs(50), warmup.all().percentileMs(99));
        ViewReads.Result reads = ViewReads.run(http, clients, Duration.ofSeconds(arguments.positiveInt("seconds")), out);
        Map<String, Object> byCall = new LinkedHashMap<>();
        Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
        reads.byCall().forEach((call, latencies) -> {
            out.printf("  %-20s %6d calls  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n", call, latencies.count(),
                    latencies.percentileMs(50), latencies.percentileMs(99), latencies.maxMs());
            Map<String, Double> percentiles = new LinkedHashMap<>();
            percentiles.put("p50", latencies.percentileMs(50));
            percentiles.put("p99", latencies.percentileMs(99));
            // "organizationList" as "organization list": axis labels wrap at spaces.
            bars.put(call.replaceAll("([a-z])([A-Z0-9])", "$1 $2").toLowerCase(java.util.Locale.ROOT), percentiles);
            byCall.put(call, Map.of("calls", latencies.count(), "p50Ms", Figures.round(latencies.percentileMs(50), 1),
                    "p99Ms", Figures.round(latencies.percentileMs(99), 1)));
        });
        double p99 = reads.all().percentileMs(99);
        // A failed call counts, warm-up or not.
        long errors = warmup.errors() + reads.errors();
        out.printf("%d clients, %,d calls in %.0f s (%,.0f/s), %d errors: p50 %.1f ms, p99 %.1f ms (at most 50: %s)%n",
                clients, reads.all().count(), reads.seconds(), reads.all().count() / reads.seconds(), errors,
                reads.all().percentileMs(50), p99, SyncScenario.verdict(p99 <= 50));
        Path chart = Path.of(arguments.text("charts").orElseThrow(), "views-latency.png");
        Charts.bars(chart, String.format("%d clients reading for %d s: latency per call", clients,
                arguments.positiveInt("seconds")), "milliseconds", bars);
        out.printf("Chart: %s%n", chart);
        figures.put("figuresSeconds", Figures.round(figuresSeconds, 1))
                .put("warmupSeconds", warmupSeconds)
                .put("clients", clients)
                .put("calls", reads.all().count())
                .put("errors", errors)
                .put("p50Ms", Figures.round(reads.all().percentileMs(50), 1))
                .put("p99Ms", Figures.round(p99, 1))
                .put("byCall", byCall);
    }
}
