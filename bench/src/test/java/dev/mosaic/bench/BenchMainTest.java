package dev.mosaic.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line outside scripts rely on: the last line of a run is its figures; usage errors exit with 2. */
class BenchMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aRunEndsWithOneLineOfJsonHoldingTheScenariosFigures() throws Exception {
        int code = run("emulator-scale", "--accounts", "25");

        assertThat(code).isEqualTo(BenchMain.OK);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSizeGreaterThan(1);
        JsonNode figures = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(figures.isObject()).isTrue();
        assertThat(figures.fieldNames().next()).isEqualTo("scenario");
        assertThat(figures.get("scenario").asText()).isEqualTo("emulator-scale");
        assertThat(figures.get("accounts").asInt()).isEqualTo(25);
        assertThat(figures.get("records").asLong()).isGreaterThan(25);
        assertThat(figures.get("queries").get("countTask").get("bestMs").isNumber()).isTrue();
        assertThat(lines.subList(0, lines.size() - 1)).noneMatch(line -> line.startsWith("{"));
    }

    @Test
    void anUnknownScenarioExitsWith2AndListsTheKnownOnes() {
        int code = run("graph-lod");

        assertThat(code).isEqualTo(BenchMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown scenario 'graph-lod'", "graph-load", "emulator-scale");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void noScenarioExitsWith2() {
        assertThat(run()).isEqualTo(BenchMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: java -jar bench/target/mosaic-bench.jar <scenario>");
    }

    @Test
    void anUnknownOptionExitsWith2NamingItAndTheOptionsThereAre() {
        int code = run("graph-load", "--recrods", "20000");

        assertThat(code).isEqualTo(BenchMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option --recrods for graph-load", "--records",
                "--batch", "--concurrency");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aMalformedOrMissingValueExitsWith2() {
        assertThat(run("graph-load", "--records", "lots")).isEqualTo(BenchMain.USAGE);
        assertThat(run("graph-load", "--records", "0")).isEqualTo(BenchMain.USAGE);
        assertThat(run("graph-load", "--seed")).isEqualTo(BenchMain.USAGE);
        assertThat(run("emulator-scale", "stray")).isEqualTo(BenchMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--records must be a whole number like 20000, not 'lots'",
                "--records must be at least 1", "--seed needs a value", "Unexpected argument 'stray'");
    }

    @Test
    void aBatchLargerThanTheApiTakesExitsWith2BeforeAnythingStarts() {
        int code = run("graph-load", "--records=20_000", "--batch", "10,001");

        assertThat(code).isEqualTo(BenchMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--batch must be at most 10000");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aMissingAppJarExitsWith2SayingHowToBuildIt() {
        int code = run("graph-load", "--records", "10", "--app-jar", "/nonexistent/mosaic.jar");

        assertThat(code).isEqualTo(BenchMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("There is no app jar at /nonexistent/mosaic.jar",
                "mvn -B -q -DskipTests package");
    }

    @Test
    void helpListsTheScenariosOptionsWithTheirDefaults() {
        int code = run("graph-load", "--help");

        assertThat(code).isEqualTo(BenchMain.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--records N", "(default 1000000)", "--app-jar",
                "--db-url", "--seed");
    }

    private int run(String... args) {
        return BenchMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
