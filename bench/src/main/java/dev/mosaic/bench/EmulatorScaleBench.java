package dev.mosaic.bench;

import dev.mosaic.salesforce.emulator.org.InMemoryOrg;
import dev.mosaic.salesforce.emulator.org.QueryMode;
import dev.mosaic.salesforce.emulator.org.QueryResult;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Generates a ~1,000,000-record org and reports generation time, heap after GC and the latency of the
 * queries a sync makes against it. Run with -Xmx2g (see bench/RESULTS.md); the scenario
 * {@code emulator-scale} of the bench jar runs it too.
 *
 * <p>Arguments of {@link #main}: [accounts] (default 28000).
 */
public final class EmulatorScaleBench {

    private final PrintStream out;
    private final Map<String, Object> queries = new LinkedHashMap<>();

    private EmulatorScaleBench(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 28_000;
        System.out.println(run(accounts, System.out).jsonLine());
    }

    /** Prints the summary to {@code out} and returns the figures. */
    public static Figures run(int accounts, PrintStream out) {
        return new EmulatorScaleBench(out).measure(accounts);
    }

    private Figures measure(int accounts) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        out.printf("JVM max heap: %d MB, processors: %d%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        gc(memory);
        long baseline = memory.getHeapMemoryUsage().getUsed();

        long t0 = System.nanoTime();
        InMemoryOrg org = InMemoryOrg.generate(1, accounts, clock);
        double genSeconds = (System.nanoTime() - t0) / 1e9;
        long records = org.totalRecords();
        gc(memory);
        long heap = memory.getHeapMemoryUsage().getUsed() - baseline;
        out.printf("Generated %,d records from %,d accounts in %.1f s (%.1f records/account)%n", records,
                accounts, genSeconds, (double) records / accounts);
        out.printf("Heap used by the org after GC: %d MB (%.0f bytes/record)%n", heap >> 20,
                (double) heap / records);
        for (Map.Entry<String, Map<String, Long>> e : org.recordCounts().entrySet()) {
            out.printf("  %-24s live %,9d  deleted %,7d%n", e.getKey(), e.getValue().get("live"),
                    e.getValue().get("deleted"));
        }

        String window = "SELECT Id, FirstName, LastName, Email, AccountId, IsDeleted, SystemModstamp FROM Contact "
                + "WHERE SystemModstamp >= 2025-06-01T00:00:00Z AND SystemModstamp < 2025-09-01T00:00:00Z "
                + "ORDER BY SystemModstamp, Id LIMIT 2000";
        time("contactWindow",
                "incremental window, Contact, ORDER BY SystemModstamp, Id LIMIT 2000 (queryAll, 2000 rows formatted)",
                () -> {
                    QueryResult r = org.query(window, QueryMode.REST_QUERY_ALL, org.adminUser());
                    return r.restRecords(0, 2000, "59.0").size() + " rows";
                });
        time("taskWindow", "incremental window over all of Task (no LIMIT), first 2000 formatted", () -> {
            QueryResult r = org.query("SELECT Id, Subject, WhoId, WhatId, SystemModstamp FROM Task WHERE "
                    + "SystemModstamp >= 2024-01-01T00:00:00Z AND SystemModstamp < 2026-11-29T00:00:00Z "
                    + "ORDER BY SystemModstamp, Id", QueryMode.REST_QUERY_ALL, org.adminUser());
            r.restRecords(0, 2000, "59.0");
            return r.totalSize() + " matching";
        });
        time("countTask", "SELECT COUNT() FROM Task", () -> org.query("SELECT COUNT() FROM Task", QueryMode.REST_QUERY,
                org.adminUser()).totalSize() + " rows");
        time("contactNameLike", "SELECT COUNT() FROM Contact WHERE Name LIKE '%son%'", () -> org.query(
                "SELECT COUNT() FROM Contact WHERE Name LIKE '%son%'", QueryMode.REST_QUERY, org.adminUser())
                .totalSize() + " rows");
        time("emailLike", "SELECT Id, Name, Email FROM Contact WHERE Email LIKE '%@gmail.com' LIMIT 200", () -> org.query(
                "SELECT Id, Name, Email FROM Contact WHERE Email LIKE '%@gmail.com' LIMIT 200", QueryMode.REST_QUERY,
                org.adminUser()).restRecords(0, 200, "59.0").size() + " rows");
        time("contactSort", "SELECT Id, Name, Account.Name FROM Contact ORDER BY LastName LIMIT 100", () -> org.query(
                "SELECT Id, Name, Account.Name FROM Contact ORDER BY LastName LIMIT 100", QueryMode.REST_QUERY,
                org.adminUser()).restRecords(0, 100, "59.0").size() + " rows");
        time("opportunityGroupBy", "SELECT StageName, COUNT(Id), SUM(Amount) FROM Opportunity GROUP BY StageName",
                () -> org.query("SELECT StageName, COUNT(Id), SUM(Amount) FROM Opportunity GROUP BY StageName",
                        QueryMode.REST_QUERY, org.adminUser()).totalSize() + " groups");
        time("semiJoin", "Contacts of accounts with a won opportunity (semi-join), COUNT()", () -> org.query(
                "SELECT COUNT() FROM Contact WHERE AccountId IN (SELECT AccountId FROM Opportunity WHERE IsWon = true)",
                QueryMode.REST_QUERY, org.adminUser()).totalSize() + " rows");
        // A small org has fewer than 2,001 tasks: start the chunk halfway instead.
        int tasks = org.query("SELECT COUNT() FROM Task", QueryMode.REST_QUERY_ALL, org.adminUser()).totalSize();
        int offset = Math.min(2000, tasks / 2);
        time("pkChunk", "PK chunk: SELECT Id FROM Task WHERE Id >= <id at offset " + offset + "> ORDER BY Id LIMIT 50000 (queryAll)",
                () -> {
                    String from = (String) org.query("SELECT Id FROM Task ORDER BY Id LIMIT 1 OFFSET " + offset,
                            QueryMode.REST_QUERY_ALL, org.adminUser()).restRecords(0, 1, "59.0").get(0).get("Id");
                    return org.query("SELECT Id FROM Task WHERE Id >= '" + from + "' ORDER BY Id LIMIT 50000",
                            QueryMode.BULK_QUERY_ALL, org.adminUser()).totalSize() + " rows";
                });
        time("bulkCsvContacts", "Bulk CSV of all Contacts (queryAll), every row rendered", () -> {
            QueryResult r = org.query("SELECT Id, FirstName, LastName, Email, Phone, AccountId, Account.Name, "
                    + "SystemModstamp FROM Contact", QueryMode.BULK_QUERY_ALL, org.adminUser());
            int n = 0;
            for (int from = 0; from < r.totalSize(); from += 50_000) {
                List<List<String>> rows = r.csvRows(from, from + 50_000);
                n += rows.size();
            }
            return n + " rows";
        });
        time("mutate", "mutate(100 creates, 100 updates, 20 deletes)", () -> org.mutate(5, 100, 100, 20).get("deleted")
                + " deleted incl. cascades");
        time("windowAfterMutate", "incremental window after mutate", () -> org.query(window, QueryMode.REST_QUERY_ALL,
                org.adminUser()).restRecords(0, 2000, "59.0").size() + " rows");

        return new Figures("emulator-scale")
                .put("accounts", accounts)
                .put("records", records)
                .put("generationSeconds", Figures.round(genSeconds, 2))
                .put("heapMb", heap >> 20)
                .put("bytesPerRecord", Math.round((double) heap / records))
                .put("queries", queries);
    }

    private void time(String key, String label, Supplier<String> action) {
        action.get(); // warm-up
        int runs = 5;
        long best = Long.MAX_VALUE;
        long total = 0;
        String outcome = "";
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            outcome = action.get();
            long took = System.nanoTime() - t;
            best = Math.min(best, took);
            total += took;
        }
        out.printf("%-100s best %8.1f ms, mean %8.1f ms  (%s)%n", label, best / 1e6, total / 1e6 / runs, outcome);
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("bestMs", Figures.round(best / 1e6, 1));
        times.put("meanMs", Figures.round(total / 1e6 / runs, 1));
        queries.put(key, times);
    }

    private static void gc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            memory.gc();
        }
    }
}
