package dev.mosaic.salesforce.emulator.bulk;

import dev.mosaic.salesforce.emulator.org.QueryResult;

import java.time.Instant;
import java.util.Map;

/**
 * One Bulk 2.0 query job. The SOQL was checked at creation, so creation refuses what Salesforce refuses; the
 * query runs on the executor (its result selects its rows at first use), which moves the state machine like
 * the real asynchronous job.
 */
final class BulkQueryJob extends BulkJob {
    final QueryResult result;

    private long numberRecordsProcessed;
    private long totalProcessingTime;
    private long heldRows;

    BulkQueryJob(String id, String operation, String createdById, Instant createdDate, String apiVersion,
                 String columnDelimiter, String lineEnding, QueryResult result) {
        super(new JobHeader(id, operation, result.objectName(), createdById, createdDate, apiVersion,
                new CsvSettings(columnDelimiter, lineEnding)), JobState.UploadComplete);
        this.result = result;
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

    /** The short form: the create response and the entries of the job list. */
    synchronized Map<String, Object> summary() {
        return summary(null, null);
    }

    /** The full job info of {@code GET jobs/query/{id}}. */
    synchronized Map<String, Object> info() {
        Map<String, Object> ordered = JobHeader.withJobType(summary(), "V2Query");
        ordered.put("numberRecordsProcessed", numberRecordsProcessed);
        ordered.put("retries", 0);
        ordered.put("totalProcessingTime", totalProcessingTime);
        ordered.put("isPkChunkingSupported", true);
        return withErrorMessage(ordered);
    }
}
