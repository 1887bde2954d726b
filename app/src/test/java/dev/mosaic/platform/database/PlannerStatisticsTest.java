package dev.mosaic.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mosaic.testing.MosaicIntegrationTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * After a bulk load the planner knows the tables' new size without waiting for autovacuum: until it does, it
 * plans searches as if a freshly loaded tenant had a few hundred rows.
 */
class PlannerStatisticsTest extends MosaicIntegrationTest {

    private static final int NOTES = 15_000;

    @Autowired
    private DSLContext db;

    @Test
    void aBulkLoadIsAnalyzedSoonAfter() throws Exception {
        OffsetDateTime before = lastAnalyze("entity");
        String token = newTenantToken();
        for (int batch = 0; batch < NOTES / 5_000; batch++) {
            List<Map<String, Object>> notes = new ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                notes.add(Map.of("externalId", "n-" + batch + "-" + i, "title", "Call notes " + i, "body", "Spoke about renewal"));
            }
            assertThat(send("POST", "/api/v1/ingest/crm", token, Map.of("notes", notes)).statusCode()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(analyzedSince(before)).as("the entity table was analyzed after the load")
                        .isTrue());
    }

    private boolean analyzedSince(OffsetDateTime before) {
        OffsetDateTime now = lastAnalyze("entity");
        return now != null && (before == null || now.isAfter(before));
    }

    /** When Mosaic last ran ANALYZE on the table (autovacuum's own runs are counted apart). */
    private OffsetDateTime lastAnalyze(String table) {
        return db.fetchOne("select last_analyze from pg_stat_user_tables where schemaname = current_schema() and relname = ?",
                table).get(0, OffsetDateTime.class);
    }
}
