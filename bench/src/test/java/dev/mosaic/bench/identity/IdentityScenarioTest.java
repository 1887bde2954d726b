package dev.mosaic.bench.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.bench.BenchMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The identity benchmark on a slice of FEBRL3, in the test suite: the real app jar (built by the app module before this
 * one) finds the same people from names, addresses and birthdates alone, as precisely as the README promises.
 */
class IdentityScenarioTest {

    @TempDir
    Path charts;

    @Test
    void febrlsPeopleAreFoundWithoutASharedKeyAtTheRecommendedThreshold() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BenchMain.run(new String[] {"identity", "--records", "1500", "--app-jar", "../app/target/mosaic.jar",
            "--charts", charts.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String output = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as("exit code; stderr: %s; stdout: %s", err, output).isEqualTo(BenchMain.OK);
        List<String> lines = output.lines().toList();
        JsonNode figures = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(figures.path("threshold").asDouble()).isEqualTo(0.95);
        assertThat(figures.path("precision").asDouble()).as(output).isGreaterThanOrEqualTo(0.99);
        assertThat(figures.path("recall").asDouble()).as(output).isGreaterThanOrEqualTo(0.85);
        assertThat(figures.path("truePairs").asLong()).isPositive();
        assertThat(figures.path("secondsPer100k").isNumber()).isTrue();
        assertThat(charts.resolve("identity-precision-recall.png")).isNotEmptyFile();
    }
}
