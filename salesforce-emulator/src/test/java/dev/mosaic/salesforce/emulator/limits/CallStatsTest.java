package dev.mosaic.salesforce.emulator.limits;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallStatsTest {
    @Test
    void distinctEndpointNamesAreCappedAndTheRestCountAsOther() {
        CallStats stats = new CallStats();
        stats.count("query");
        for (int i = 0; i < 10_000; i++) {
            stats.count("random-" + i);
        }
        stats.count("query");

        assertThat(stats.snapshot()).hasSizeLessThanOrEqualTo(CallStats.MAX_ENDPOINTS + 1)
                .containsEntry("query", 2L)
                .containsEntry(CallStats.OTHER, 10_000L - (CallStats.MAX_ENDPOINTS - 1));
    }
}
