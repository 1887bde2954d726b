package dev.mosaic.salesforce.emulator.bulk;

import dev.mosaic.salesforce.emulator.org.QueryResult;

import java.time.Instant;
import java.util.Map;

/**
 * One Bulk 2.0 query job. The SOQL was checked at creation, so creation refuses what Salesforce refuses; the
 * query runs on the executor (its result selects its rows at first use), which moves the state machine like
 * the real asynchronous job.
 */
final class BulkQueryJob {
    final String id;
    final Instant createdDate;
    final String apiVersion;
    final CsvSettings csv;
    final QueryResult result;
    private final JobHeader header;

    private JobState state = JobState.UploadComplete;
    private Instant systemModstamp;
    private long numberRecordsProcessed;
    private long totalProcessingTime;
    private String errorMessage;
    private long heldRows;

    BulkQueryJob(String id, String operation, String createdById, Instant createdDate, String apiVersion,
                 String columnDelimiter, String lineEnding, QueryResult result) {
        this.csv = new CsvSettings(columnDelimiter, lineEnding);
        this.header = new JobHeader(id, operation, result.objectName(), createdById, createdDate, apiVersion, csv);
        this.id = id;
        this.createdDate = createdDate;
        this.systemModstamp = createdDate;
        this.apiVersion = apiVersion;
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
        return header.summary(state, systemModstamp, null, null);
    }

    /** The full job info of {@code GET jobs/query/{id}}. */
    synchronized Map<String, Object> info() {
        Map<String, Object> ordered = JobHeader.withJobType(summary(), "V2Query");
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
