package dev.mosaic.bench.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.bench.BenchMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/**
 * The promise that nothing is lost, doubled or different however a sync is disturbed, kept in the test suite on a
 * small org: the real app jar (built by the app module before this one), the emulator, embedded PostgreSQL.
 */
class DisturbedSyncScenarioTest {

    @TempDir
    Path charts;

    private static final String APP_JAR = "../app/target/mosaic.jar";

    @Test
    void anAppKilledWithItsDatabaseDuringTheLoadAndTheRoundEndsWithTheGraphOfACleanRun() throws Exception {
        JsonNode figures = run("crash", "--accounts", "20", "--kills", "3", "--changes", "20");

        assertThat(figures.path("kills").asInt()).isEqualTo(3);
        assertThat(figures.path("postgresKills").asInt()).isPositive();
        assertThat(figures.path("differences")).isEmpty();
        assertThat(figures.path("identical").asBoolean()).isTrue();
        assertThat(charts.resolve("crash-load.png")).isNotEmptyFile();
    }

    @Test
    void aSyncThroughSalesforceFaultsEndsWithTheGraphOfACleanRun() throws Exception {
        JsonNode figures = run("faults", "--accounts", "20", "--changes", "20", "--fault-every-ms", "50");

        assertThat(figures.path("faultsInjected").asLong()).isPositive();
        assertThat(figures.path("differences")).isEmpty();
        assertThat(figures.path("identical").asBoolean()).isTrue();
    }

    private JsonNode run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--app-jar", APP_JAR, "--page-records", "200", "--charts", charts.toString()))
                .toArray(String[]::new);
        int code = BenchMain.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as("exit code; stderr: %s; stdout: %s", err, output).isEqualTo(BenchMain.OK);
        List<String> lines = output.lines().toList();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }
}
