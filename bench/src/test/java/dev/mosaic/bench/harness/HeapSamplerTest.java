package dev.mosaic.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeapSamplerTest {

    @Test
    void sumsTheHeapPoolsOfARealScrapeAndLeavesNonHeapOut() throws IOException {
        // Captured from GET /actuator/prometheus of app/target/mosaic.jar: G1 Eden 2097152 + Old 32792576 + Survivor 613600.
        String scrape;
        try (InputStream in = HeapSamplerTest.class.getResourceAsStream("/prometheus-scrape.txt")) {
            scrape = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        HeapSampler.Reading reading = HeapSampler.Reading.parse(scrape);

        assertThat(reading.heapUsedBytes()).isEqualTo(2_097_152L + 32_792_576L + 613_600L);
        assertThat(reading.liveDataBytes()).isZero();
    }

    @Test
    void readsUnlabelledSeriesAndLabelValuesWithSpaces() {
        HeapSampler.Reading reading = HeapSampler.Reading.parse("""
                # TYPE jvm_gc_live_data_size_bytes gauge
                jvm_gc_live_data_size_bytes 1.5E8
                jvm_memory_used_bytes{area="heap",id="PS Old Gen",application="mosaic"} 1.0E8 1733490000000
                jvm_memory_used_bytes{id="PS Eden Space",area="heap"} 5.0E7
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.9E7
                """);

        assertThat(reading.heapUsedBytes()).isEqualTo(150_000_000L);
        assertThat(reading.liveDataBytes()).isEqualTo(150_000_000L);
    }
}
