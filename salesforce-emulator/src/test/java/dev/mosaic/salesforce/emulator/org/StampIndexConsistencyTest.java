package dev.mosaic.salesforce.emulator.org;

import dev.mosaic.salesforce.emulator.MutableClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SystemModstamp index must answer every window exactly as a full scan sorted by
 * (SystemModstamp, Id) would, whatever order the writes came in — including clocks that step back.
 */
class StampIndexConsistencyTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void indexedWindowsMatchAScanAfterRandomWrites(long seed) {
        MutableClock clock = new MutableClock(TestOrgs.NOW);
        InMemoryOrg org = TestOrgs.fresh(clock);
        OrgUser admin = org.adminUser();
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> r : org.query("SELECT Id FROM Contact", QueryMode.REST_QUERY, admin)
                .restRecords(0, 100_000, "59.0")) {
            ids.add((String) r.get("Id"));
        }
        for (int i = 0; i < 300; i++) {
            // Mostly forward, sometimes backward (a test clock, or a lagging transaction).
            clock.advance(Duration.ofSeconds(random.nextInt(10) < 8 ? random.nextInt(90) : -random.nextInt(600)));
            String id = ids.get(random.nextInt(ids.size()));
            int op = random.nextInt(3);
            int n = i;
            try {
                switch (op) {
                    case 0 -> org.update("Contact", id, Map.of("Title", "T" + n), admin);
                    case 1 -> ids.add(org.create("Contact", Map.of("LastName", "N" + n), admin));
                    default -> org.delete("Contact", id, admin);
                }
            } catch (SalesforceError deletedEarlier) {
                assertThat(deletedEarlier.errorCode()).isEqualTo("ENTITY_IS_DELETED");
            }
            if (i % 50 == 49) {
                assertWindowsAgree(org, admin, random);
            }
        }
        assertWindowsAgree(org, admin, random);
    }

    private static void assertWindowsAgree(InMemoryOrg org, OrgUser admin, Random random) {
        List<List<String>> all = org.query("SELECT Id, SystemModstamp FROM Contact WHERE Id != null",
                QueryMode.BULK_QUERY_ALL, admin).csvRows(0, 1_000_000);
        List<List<String>> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing((List<String> r) -> r.get(1)).thenComparing(r -> r.get(0)));
        String from = "2026-11-29T11:5" + random.nextInt(10) + ":00Z";
        String fromCsv = from.replace("Z", ".000Z");
        List<List<String>> expected = sorted.stream().filter(r -> r.get(1).compareTo(fromCsv) >= 0).toList();
        List<List<String>> indexed = org.query("SELECT Id, SystemModstamp FROM Contact WHERE SystemModstamp >= " + from
                + " ORDER BY SystemModstamp, Id", QueryMode.BULK_QUERY_ALL, admin).csvRows(0, 1_000_000);
        assertThat(indexed).isEqualTo(expected);
        List<List<String>> everything = org.query("SELECT Id, SystemModstamp FROM Contact ORDER BY SystemModstamp, Id",
                QueryMode.BULK_QUERY_ALL, admin).csvRows(0, 1_000_000);
        assertThat(everything).isEqualTo(sorted);
    }
}
