package dev.mosaic.bench.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mosaic.bench.BenchFailure;
import dev.mosaic.bench.Figures;
import dev.mosaic.bench.OptionSpec;
import dev.mosaic.bench.Scenario;
import dev.mosaic.bench.ScenarioArguments;
import dev.mosaic.bench.harness.BenchDatabase;
import dev.mosaic.bench.harness.Charts;
import dev.mosaic.bench.harness.Cleanup;
import dev.mosaic.bench.harness.MosaicApp;
import dev.mosaic.bench.harness.MosaicHttp;
import dev.mosaic.bench.harness.TempDirectory;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code identity}: how well Mosaic finds the same person when no key is shared. FEBRL3's records go through the
 * ingest API as contacts of one source; the workspace's matching model is estimated from them; then every pair in the
 * review queue (and every pair merged) is checked against the truth, at several thresholds. Draws the
 * precision–recall curve as a PNG, and reports the figures at the recommended auto-merge threshold, and the threshold of
 * the best F1 at a precision of at least 0.99.
 */
public final class IdentityScenario implements Scenario {

    static final double LEAST_PRECISION = 0.99;
    /**
     * The auto-merge threshold the README recommends: on FEBRL3 and on the project's own truth set the pairs scored at
     * least this are one person more than 99 times in 100.
     */
    static final double RECOMMENDED_THRESHOLD = 0.95;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REVIEW_PAGE = 500;

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public String description() {
        return "FEBRL3's people through the ingest API: precision, recall and F1 of Mosaic's scored pairs per threshold, "
                + "the PR curve, seconds per 100,000 records";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.positive("records", Febrl3.SIZE, "FEBRL3 records to send, at most " + Febrl3.SIZE),
                OptionSpec.positive("batch", 500, "items per ingest request"),
                OptionSpec.text("app-jar", "app/target/mosaic.jar", "the Mosaic jar to measure"),
                OptionSpec.text("app-xmx", "512m", "the app's -Xmx"),
                OptionSpec.text("charts", "bench/charts", "directory for the precision-recall chart"));
    }

    @Override
    public Figures run(ScenarioArguments arguments, PrintStream out) throws Exception {
        int records = Math.min(Febrl3.SIZE, arguments.positiveInt("records"));
        int batch = arguments.positiveInt("batch");
        out.printf("identity: %,d FEBRL3 records in batches of %,d%n", records, batch);
        out.printf("Machine: %d processors, load average %.2f, Java %s%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"));
        List<Febrl3.Person> people = Febrl3.read(records);
        try (Cleanup cleanup = new Cleanup()) {
            Path work = cleanup.register("the temporary directory", TempDirectory.create("mosaic-bench-identity-")).path();
            BenchDatabase database = BenchDatabase.embedded();
            MosaicApp app = MosaicApp.start(new MosaicApp.Launch(Path.of(arguments.text("app-jar").orElseThrow()),
                    arguments.text("app-xmx").orElseThrow(), work, database.appEnvironment()), out,
                    started -> cleanup.register("the app", started));
            try {
                return measure(app.http(), people, batch, Path.of(arguments.text("charts").orElseThrow()), out);
            } catch (Exception e) {
                throw app.explain(e);
            }
        }
    }

    private static Figures measure(MosaicHttp http, List<Febrl3.Person> people, int batch, Path charts, PrintStream out)
            throws Exception {
        long started = System.nanoTime();
        Set<String> refused = new HashSet<>();
        for (int from = 0; from < people.size(); from += batch) {
            ArrayNode contacts = JsonNodeFactory.instance.arrayNode();
            people.subList(from, Math.min(people.size(), from + batch)).forEach(person -> contacts.add(person.item()));
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.set("contacts", contacts);
            MosaicHttp.Response response = http.postJson("/api/v1/ingest/febrl", JSON.writeValueAsBytes(body));
            JsonNode answer = JSON.readTree(response.body());
            if (response.status() == 400 && answer.path("error").path("code").asText().equals("invalid_items")) {
                // The valid items were saved; a refused one (a record with no name at all) stays out, its pairs missed.
                answer.path("error").path("details").path("rejected").forEach(item -> refused.add(item.path("externalId").asText()));
            } else if (!response.ok()) {
                throw new BenchFailure("POST /api/v1/ingest/febrl answered " + response.status() + ": " + response.shortBody());
            }
        }
        double ingestSeconds = (System.nanoTime() - started) / 1e9;
        out.printf("Sent %,d records in %.1f s (%.1f s per 100,000 records, scoring included); %d refused: %s%n", people.size(),
                ingestSeconds, ingestSeconds / people.size() * 100_000, refused.size(), refused);

        long estimating = System.nanoTime();
        MosaicHttp.Response estimate = http.post("/api/v1/settings/matching/estimate", "application/json", new byte[0]);
        if (!estimate.ok()) {
            throw new BenchFailure("Estimating the matching model answered " + estimate.status() + ": " + estimate.shortBody());
        }
        double estimateSeconds = (System.nanoTime() - estimating) / 1e9;
        out.printf("Estimated the workspace's model in %.1f s: %s%n", estimateSeconds, JSON.readTree(estimate.body()).path("models"));

        Map<String, String> entityOf = new HashMap<>();
        for (Febrl3.Person person : people) {
            if (refused.contains(person.externalId())) {
                continue;
            }
            MosaicHttp.Response found = http.get("/api/v1/external/febrl/contact/"
                    + URLEncoder.encode(person.externalId(), StandardCharsets.UTF_8));
            if (!found.ok()) {
                throw new BenchFailure("Record " + person.externalId() + " was not found: " + found.shortBody());
            }
            entityOf.put(person.externalId(), JSON.readTree(found.body()).path("id").asText());
        }
        List<ScoredPairs.Suggestion> queue = reviewQueue(http);
        ScoredPairs pairs = new ScoredPairs(people, entityOf, queue);
        out.printf("%,d true pairs among the records; %,d merged at once; %,d suggestions in the review queue%n",
                pairs.truePairs(), pairs.mergedPairs(), queue.size());

        List<PairCounts> curve = new ArrayList<>();
        for (double threshold : thresholds()) {
            curve.add(pairs.at(threshold));
        }
        PairCounts recommended = curve.stream().filter(point -> Math.abs(point.threshold() - RECOMMENDED_THRESHOLD) < 1e-9)
                .findFirst().orElseThrow();
        PairCounts bestF1 = curve.stream().filter(point -> point.precision() >= LEAST_PRECISION)
                .max((a, b) -> Double.compare(a.f1(), b.f1())).orElse(recommended);
        out.println("threshold  pairs  correct  precision  recall      F1");
        for (PairCounts point : curve) {
            out.printf(Locale.ROOT, "%9.3f %6d %8d %10.4f %7.4f %7.4f%s%n", point.threshold(), point.predicted(), point.correct(),
                    point.precision(), point.recall(), point.f1(), point == recommended ? "  <- recommended"
                            : point == bestF1 ? "  <- best F1 at a precision of at least " + LEAST_PRECISION : "");
        }
        Path chart = charts.resolve("identity-precision-recall.png");
        Map<String, List<Charts.Point>> series = new LinkedHashMap<>();
        series.put("precision", new ArrayList<>());
        series.put("recall", new ArrayList<>());
        series.put("F1", new ArrayList<>());
        curve.stream().filter(point -> point.threshold() >= 0.5).forEach(point -> {
            series.get("precision").add(new Charts.Point(point.threshold(), point.precision()));
            series.get("recall").add(new Charts.Point(point.threshold(), point.recall()));
            series.get("F1").add(new Charts.Point(point.threshold(), point.f1()));
        });
        Charts.closeLines(chart, String.format(Locale.ROOT, "FEBRL3, %,d records: pairs scored at least the threshold "
                + "(recommended %.2f)", people.size(), recommended.threshold()), "threshold", "", series);
        out.println("Chart: " + chart);

        Figures figures = new Figures("identity").put("records", people.size())
                .put("precision", Figures.round(recommended.precision(), 4))
                .put("recall", Figures.round(recommended.recall(), 4))
                .put("f1", Figures.round(recommended.f1(), 4))
                .put("threshold", recommended.threshold())
                .put("secondsPer100k", Figures.round(ingestSeconds / people.size() * 100_000, 1))
                .put("estimateSeconds", Figures.round(estimateSeconds, 1))
                .put("truePairs", pairs.truePairs())
                .put("suggestions", queue.size())
                .put("bestF1Threshold", bestF1.threshold());
        Map<String, Object> byThreshold = new LinkedHashMap<>();
        curve.forEach(point -> byThreshold.put(String.format(Locale.ROOT, "%.3f", point.threshold()), Map.of(
                "precision", Figures.round(point.precision(), 4), "recall", Figures.round(point.recall(), 4),
                "f1", Figures.round(point.f1(), 4))));
        return figures.put("thresholds", byThreshold);
    }

    private static List<Double> thresholds() {
        List<Double> thresholds = new ArrayList<>();
        for (int step = 1; step <= 19; step++) {
            thresholds.add(step * 5 / 100.0);
        }
        thresholds.addAll(List.of(0.97, 0.99, 0.995, 0.999));
        return thresholds;
    }

    private static List<ScoredPairs.Suggestion> reviewQueue(MosaicHttp http) throws Exception {
        List<ScoredPairs.Suggestion> queue = new ArrayList<>();
        for (int offset = 0; ; offset += REVIEW_PAGE) {
            MosaicHttp.Response page = http.get("/api/v1/review?limit=" + REVIEW_PAGE + "&offset=" + offset);
            if (!page.ok()) {
                throw new BenchFailure("GET /api/v1/review answered " + page.status() + ": " + page.shortBody());
            }
            JsonNode items = JSON.readTree(page.body()).path("items");
            items.forEach(item -> queue.add(new ScoredPairs.Suggestion(item.path("a").path("id").asText(),
                    item.path("b").path("id").asText(), item.path("score").asDouble(0))));
            if (items.size() < REVIEW_PAGE) {
                return queue;
            }
        }
    }
}
