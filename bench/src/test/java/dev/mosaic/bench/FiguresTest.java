package dev.mosaic.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void writesOneLineWithTheScenarioFirstAndNumbersWithoutExponents() {
        Figures figures = new Figures("graph-load")
                .put("records", 1_000_000L)
                .put("seconds", Figures.round(0.0000123, 3))
                .put("recordsPerSecond", Figures.round(12345678.912, 1))
                .put("peakHeapMb", null)
                .put("dbSettings", Map.of("fsync", "on"));

        assertThat(figures.jsonLine()).isEqualTo("{\"scenario\":\"graph-load\",\"records\":1000000,\"seconds\":0.000,"
                + "\"recordsPerSecond\":12345678.9,\"peakHeapMb\":null,\"dbSettings\":{\"fsync\":\"on\"}}");
    }

    @Test
    void refusesAFigureTwiceAndNumbersThatAreNotFinite() {
        Figures figures = new Figures("x").put("seconds", 1);

        assertThatThrownBy(() -> figures.put("seconds", 2)).hasMessageContaining("'seconds' is already set");
        assertThatThrownBy(() -> Figures.round(Double.POSITIVE_INFINITY, 1)).hasMessageContaining("finite");
    }
}
