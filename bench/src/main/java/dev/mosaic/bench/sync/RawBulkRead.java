package dev.mosaic.bench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.salesforce.client.RefreshTokenCredentials;
import dev.mosaic.salesforce.client.SalesforceClient;
import dev.mosaic.salesforce.client.Sleeper;
import dev.mosaic.salesforce.emulator.EmulatorCredentials;
import dev.mosaic.salesforce.emulator.SalesforceEmulator;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The sync's limit: every object Mosaic syncs read whole by a Bulk API 2.0 {@code queryAll} job with the same
 * fields and pages as the app, each CSV row parsed and dropped. What is left of the app's time beyond this is
 * its own work (mapping, identity, the graph's writes).
 */
final class RawBulkRead {

    static final List<String> OBJECTS = List.of("User", "Account", "AccountContactRelation", "Contact", "Lead",
            "OpportunityContactRole", "Opportunity", "Task", "Event", "EmailMessage", "Note");
    private static final Set<String> UNREAD_TYPES = Set.of("address", "location", "base64");
    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** @param apiCallsLowerBound the fewest calls a Bulk reader needs: per object a describe, a job, a poll, its pages */
    record Result(long rows, double seconds, long apiCalls, long apiCallsLowerBound) {
    }

    private RawBulkRead() {
    }

    static Result run(SalesforceEmulator emulator, int pageRecords, PrintStream out) {
        EmulatorCredentials credentials = emulator.credentials();
        SalesforceClient client = SalesforceClient.create(new RefreshTokenCredentials(URI.create(emulator.baseUrl()),
                credentials.clientId(), credentials.clientSecret(), credentials.refreshToken()), "59.0", rotated -> { });
        long callsBefore = emulator.apiCalls();
        long started = System.nanoTime();
        String end = LITERAL.format(Instant.now());
        long rows = 0;
        long lowerBound = 0;
        for (String object : OBJECTS) {
            List<String> fields = new ArrayList<>();
            for (JsonNode field : client.describe(object).path("fields")) {
                if (!UNREAD_TYPES.contains(field.path("type").asText())) {
                    fields.add(field.path("name").asText());
                }
            }
            String job = client.startBulkQuery("SELECT " + String.join(", ", fields.stream().sorted().toList()) + " FROM "
                    + object + " WHERE SystemModstamp < " + end, true);
            long found = client.awaitBulkQuery(job, Sleeper.REAL);
            long[] read = {0};
            String locator = null;
            int pages = 0;
            do {
                locator = client.bulkResultPage(job, locator, pageRecords, row -> read[0]++);
                pages++;
            } while (locator != null);
            if (read[0] != found) {
                throw new IllegalStateException(object + ": the job found " + found + " rows but its pages held " + read[0]);
            }
            rows += read[0];
            lowerBound += 3 + pages;
            out.printf("  raw read of %s: %,d rows in %d pages%n", object, read[0], pages);
        }
        return new Result(rows, (System.nanoTime() - started) / 1e9, emulator.apiCalls() - callsBefore, lowerBound);
    }
}
