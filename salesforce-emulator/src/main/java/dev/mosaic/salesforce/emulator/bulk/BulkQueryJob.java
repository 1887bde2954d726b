package dev.mosaic.salesforce.emulator.bulk;

import dev.mosaic.salesforce.emulator.org.QueryResult;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Bulk 2.0 query job. The SOQL already ran (lazily) at creation, so creation refuses what Salesforce
 * refuses; the state machine then moves on the executor like the real asynchronous job.
 */
final class BulkQueryJob {
    private static final DateTimeFormatter SALESFORCE_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    final String id;
    final String operation;
    final String createdById;
    final Instant createdDate;
    final String apiVersion;
    final String columnDelimiter;
    final String lineEnding;
    final QueryResult result;

    private JobState state = JobState.UploadComplete;
    private Instant systemModstamp;
    private long numberRecordsProcessed;
    private long totalProcessingTime;
    private String errorMessage;

    BulkQueryJob(String id, String operation, String createdById, Instant createdDate, String apiVersion,
                 String columnDelimiter, String lineEnding, QueryResult result) {
        this.id = id;
        this.operation = operation;
        this.createdById = createdById;
        this.createdDate = createdDate;
        this.systemModstamp = createdDate;
        this.apiVersion = apiVersion;
        this.columnDelimiter = columnDelimiter;
        this.lineEnding = lineEnding;
        this.result = result;
    }

    synchronized JobState state() {
        return state;
    }

    /** Moves to a new state unless the job already ended (an abort wins over a late completion). */
    synchronized boolean moveTo(JobState next, Instant at) {
        if (state.isTerminal()) {
            return false;
        }
        state = next;
        systemModstamp = at;
        return true;
    }

    synchronized void complete(long records, long processingMillis, Instant at) {
        if (moveTo(JobState.JobComplete, at)) {
            numberRecordsProcessed = records;
            totalProcessingTime = processingMillis;
        }
    }

    synchronized void fail(String message, Instant at) {
        if (moveTo(JobState.Failed, at)) {
            errorMessage = message;
        }
    }

    /** The short form: the create response and the entries of the job list. */
    synchronized Map<String, Object> summary() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("id", id);
        info.put("operation", operation);
        info.put("object", result.objectName());
        info.put("createdById", createdById);
        info.put("createdDate", SALESFORCE_DATETIME.format(createdDate));
        info.put("systemModstamp", SALESFORCE_DATETIME.format(systemModstamp));
        info.put("state", state.name());
        info.put("concurrencyMode", "Parallel");
        info.put("contentType", "CSV");
        info.put("apiVersion", Double.parseDouble(apiVersion));
        info.put("lineEnding", lineEnding);
        info.put("columnDelimiter", columnDelimiter);
        return info;
    }

    /** The full job info of {@code GET jobs/query/{id}}. */
    synchronized Map<String, Object> info() {
        Map<String, Object> info = summary();
        // Salesforce puts jobType before lineEnding; rebuild in its order.
        Map<String, Object> ordered = new LinkedHashMap<>();
        info.forEach((k, v) -> {
            if (k.equals("lineEnding")) {
                ordered.put("jobType", "V2Query");
            }
            ordered.put(k, v);
        });
        ordered.put("numberRecordsProcessed", numberRecordsProcessed);
        ordered.put("retries", 0);
        ordered.put("totalProcessingTime", totalProcessingTime);
        ordered.put("isPkChunkingSupported", true);
        if (errorMessage != null) {
            ordered.put("errorMessage", errorMessage);
        }
        return ordered;
    }
}
