package dev.mosaic.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    @Test
    void aLineSaysDoneOfTotalTheRateAndTheTimeLeft() {
        assertThat(ProgressReporter.line(12_000, 20_000, "records", 10_000_000_000L))
                .isEqualTo("  12,000 / 20,000 records (60.0%)  1,200 records/s  ETA 7s");
        assertThat(ProgressReporter.line(0, 20_000, "records", 5_000_000_000L)).endsWith("ETA unknown");
        assertThat(ProgressReporter.duration(200)).isEqualTo("3m 20s");
        assertThat(ProgressReporter.duration(3_720)).isEqualTo("1h 02m");
    }
}
