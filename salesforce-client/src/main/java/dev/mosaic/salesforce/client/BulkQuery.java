package dev.mosaic.salesforce.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A Bulk API 2.0 query job, from creation to its last result page: the way to read a whole object in few API
 * calls. Result pages are CSV, read row by row as they arrive, so memory stays bounded whatever the object's
 * size.
 */
final class BulkQuery {

    private static final Duration FIRST_POLL = Duration.ofSeconds(1);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(15);
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();

    private BulkQuery() {
    }

    /**
     * Runs the query and hands each row to {@code rows} (column → value, as Salesforce names the columns: related
     * fields as {@code Account.Name}). Returns the number of rows.
     */
    static long run(SalesforceClient client, String dataPath, String soql, boolean includeDeleted, int pageSize,
                    Sleeper sleeper, Consumer<Map<String, String>> rows) {
        String jobId = start(client, dataPath, soql, includeDeleted);
        awaitCompletion(client, dataPath + "/jobs/query/" + jobId, sleeper);
        long[] count = {0};
        String locator = null;
        do {
            locator = page(client, dataPath, jobId, locator, pageSize, row -> {
                rows.accept(row);
                count[0]++;
            });
        } while (locator != null);
        return count[0];
    }

    /** Creates the job; returns its id. */
    static String start(SalesforceClient client, String dataPath, String soql, boolean includeDeleted) {
        String operation = includeDeleted ? "queryAll" : "query";
        return client.postJson(dataPath + "/jobs/query", Map.of("operation", operation, "query", soql,
                "contentType", "CSV", "columnDelimiter", "COMMA", "lineEnding", "LF")).path("id").asText();
    }

    /**
     * Reads one result page, from {@code locator} (null for the first), handing over its rows. Returns the locator
     * of the next page, or null after the last.
     */
    static String page(SalesforceClient client, String dataPath, String jobId, String locator, int pageSize,
                       Consumer<Map<String, String>> rows) {
        String page = dataPath + "/jobs/query/" + jobId + "/results?maxRecords=" + pageSize
                + (locator == null ? "" : "&locator=" + SalesforceHttp.encode(locator));
        SalesforceClient.Streamed result = client.getStream(page, "text/csv");
        String type = result.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
            // A proxy's or a maintenance page's HTML would otherwise be read as CSV rows.
            result.text();
            throw new SalesforceException(Disposition.RETRY, 200, "", "GET " + page + " answered " + type
                    + " instead of CSV", null);
        }
        try (InputStream body = result.body(); Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8);
             CSVParser parser = CSV.parse(reader)) {
            List<String> columns = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i), record.get(i));
                }
                rows.accept(row);
            }
        } catch (IOException e) {
            throw SalesforceErrors.noResponse("GET " + page, e);
        } catch (UncheckedIOException e) {
            // The CSV parser reports a page cut short (a closed connection) this way.
            throw SalesforceErrors.noResponse("GET " + page, e.getCause());
        }
        String next = result.header("Sforce-Locator");
        return next == null || next.isEmpty() || next.equals("null") ? null : next;
    }

    /** Waits for the job to complete; returns how many rows it found. */
    static long awaitCompletion(SalesforceClient client, String jobPath, Sleeper sleeper) {
        Duration pause = FIRST_POLL;
        while (true) {
            var job = client.get(jobPath);
            String state = job.path("state").asText();
            switch (state) {
                case "JobComplete" -> {
                    return job.path("numberRecordsProcessed").asLong();
                }
                case "Failed", "Aborted" -> throw new SalesforceException(Disposition.FAIL, 200, state,
                        "Bulk query job " + job.path("id").asText() + " ended " + state + ": "
                                + job.path("errorMessage").asText("no reason given"), null);
                default -> {
                    try {
                        sleeper.sleep(pause);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new SalesforceException(Disposition.RETRY, 0, "", "Waiting for bulk query job "
                                + job.path("id").asText() + " was interrupted", e);
                    }
                    pause = pause.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : pause.multipliedBy(2);
                }
            }
        }
    }
}
