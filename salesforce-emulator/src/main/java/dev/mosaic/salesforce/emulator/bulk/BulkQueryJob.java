package dev.mosaic.salesforce.emulator.bulk;

import dev.mosaic.salesforce.emulator.org.QueryResult;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Bulk 2.0 query job. The SOQL was checked at creation, so creation refuses what Salesforce refuses; the
 * query runs on the executor (its result selects its rows at first use), which moves the state machine like
 * the real asynchronous job.
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
    private long heldRows;

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
        // Held even when an abort won the race: the result keeps its rows until the job is deleted.
        heldRows = records;
        if (moveTo(JobState.JobComplete, at)) {
            numberRecordsProcessed = records;
            totalProcessingTime = processingMillis;
        }
    }

    /** Rows the job's result holds: none until its query has run. */
    synchronized long heldRows() {
        return heldRows;
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
