package dev.mosaic.salesforce.emulator.bulk;

import dev.mosaic.salesforce.emulator.org.OrgUser;
import dev.mosaic.salesforce.emulator.org.SalesforceError;

import java.util.Map;

/**
 * One Bulk 2.0 ingest job: Open while it waits for its one upload, UploadComplete once closed, then InProgress and
 * JobComplete (or Failed) as the executor processes it; Aborted whenever the client says so before it ends.
 */
final class BulkIngestJob extends BulkJob {
    final IngestOperation operation;
    /** Only upsert jobs have one. */
    final String externalIdFieldName;
    /** The records are written as the user who created the job, as Salesforce does. */
    final OrgUser user;
    final IngestResults results = new IngestResults();

    private byte[] upload;
    private boolean uploaded;
    private long totalProcessingTime;

    BulkIngestJob(JobHeader header, IngestOperation operation, String externalIdFieldName, OrgUser user) {
        super(header, JobState.Open);
        this.operation = operation;
        this.externalIdFieldName = externalIdFieldName;
        this.user = user;
    }

    /** Keeps the job's data; Salesforce takes one upload per job, and only while it is Open. */
    synchronized void upload(byte[] csv) {
        if (state() != JobState.Open) {
            throw new SalesforceError(409, "INVALIDJOB",
                    "Job " + id() + " is in state " + state() + "; data can be uploaded only while it is Open.");
        }
        if (uploaded) {
            throw new SalesforceError(409, "INVALIDJOB", "Job " + id()
                    + " already has its data: a Bulk 2.0 ingest job takes one upload. Create another job for more data.");
        }
        upload = csv;
        uploaded = true;
    }

    /** The uploaded data, handed over once to the processing (the job keeps its rows in its results from then on). */
    synchronized byte[] takeUpload() {
        byte[] data = upload;
        upload = null;
        return data;
    }

    synchronized void processingTime(long millis) {
        totalProcessingTime = millis;
    }

    /** The short form: the create and close responses, and the entries of the job list. */
    synchronized Map<String, Object> summary() {
        return summary(externalIdFieldName, "services/data/v" + header.apiVersion() + "/jobs/ingest/" + id() + "/batches");
    }

    /** The full job info of {@code GET jobs/ingest/{id}}. */
    synchronized Map<String, Object> info() {
        Map<String, Object> info = JobHeader.withJobType(summary(), "V2Ingest");
        int failed = results.failedCount();
        info.put("numberRecordsProcessed", results.successfulCount() + failed);
        info.put("numberRecordsFailed", failed);
        info.put("retries", 0);
        info.put("totalProcessingTime", totalProcessingTime);
        info.put("apiActiveProcessingTime", totalProcessingTime);
        info.put("apexProcessingTime", 0);
        return withErrorMessage(info);
    }
}
