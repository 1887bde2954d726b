package dev.mosaic.salesforce.emulator.org;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentAccessTest {

    @Test
    void readersAndWritersRunTogetherWithoutErrorsOrTornResults() throws Exception {
        InMemoryOrg org = TestOrgs.fresh();
        OrgUser admin = org.adminUser();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                readers.add(pool.submit(() -> {
                    int pages = 0;
                    for (int i = 0; i < 40; i++) {
                        QueryResult r = org.query("SELECT Id, Name, Account.Name, SystemModstamp FROM Contact "
                                + "WHERE SystemModstamp >= 2024-01-01T00:00:00Z ORDER BY SystemModstamp, Id",
                                QueryMode.REST_QUERY_ALL, admin);
                        List<Map<String, Object>> page = r.restRecords(0, 200, "59.0");
                        assertThat(page).allMatch(m -> m.get("Id") != null);
                        pages++;
                    }
                    return pages;
                }));
            }
            Future<Integer> writer = pool.submit(() -> {
                int writes = 0;
                for (int i = 0; i < 40; i++) {
                    String id = org.create("Contact", Map.of("LastName", "Writer" + i), admin);
                    org.update("Contact", id, Map.of("Title", "T" + i), admin);
                    writes++;
                }
                org.mutate(3, 20, 20, 5);
                return writes;
            });
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).isEqualTo(40);
            }
            assertThat(writer.get(60, TimeUnit.SECONDS)).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
        assertThat(org.query("SELECT COUNT() FROM Contact WHERE LastName LIKE 'Writer%'", QueryMode.REST_QUERY,
                admin).totalSize()).isEqualTo(40);
    }
}
