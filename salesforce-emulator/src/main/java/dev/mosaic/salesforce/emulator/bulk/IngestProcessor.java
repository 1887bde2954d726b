package dev.mosaic.salesforce.emulator.bulk;

import dev.mosaic.salesforce.emulator.org.Org;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Processes a closed ingest job as Salesforce does: the upload is read and its header checked (a bad header fails
 * the whole job), then the rows run in chunks of {@link #CHUNK_SIZE}, each chunk one transaction (so one set of
 * change events under one transaction key), each row on its own within it. An abort is noticed between chunks; the
 * rows not reached are the job's unprocessed records.
 */
final class IngestProcessor {
    /** Salesforce hands triggers, and Change Data Capture, 200 records of a Bulk load per transaction. */
    static final int CHUNK_SIZE = 200;

    private final Org org;

    IngestProcessor(Org org) {
        this.org = org;
    }

    void process(BulkIngestJob job) {
        long started = System.nanoTime();
        try {
            if (!job.moveFrom(JobState.UploadComplete, JobState.InProgress, org.now())) {
                abandon(job);
                return;
            }
            byte[] upload = job.takeUpload();
            if (upload == null) {
                throw new InvalidUpload("InvalidBatch : No data was uploaded to job " + job.id() + " before it was closed");
            }
            IngestCsvReader.Table table = IngestCsvReader.read(job.header.csv(), upload);
            checkHeader(job, table.columns());
            job.results.columns(table.columns());
            runChunks(job, table);
        } catch (InvalidUpload e) {
            job.fail(e.getMessage(), org.now());
        } catch (RuntimeException e) {
            job.fail(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), org.now());
        } finally {
            job.processingTime((System.nanoTime() - started) / 1_000_000);
        }
    }

    /** An aborted job that never ran: all its uploaded rows are unprocessed. */
    void abandon(BulkIngestJob job) {
        job.results.unprocessed(readOrNothing(job));
    }

    private void runChunks(BulkIngestJob job, IngestCsvReader.Table table) {
        IngestRowWriter writer = new IngestRowWriter(org, job, table.columns());
        List<List<String>> rows = table.rows();
        for (int from = 0; from < rows.size(); from += CHUNK_SIZE) {
            List<List<String>> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK_SIZE));
            if (job.state() == JobState.Aborted) {
                job.results.unprocessed(rows.subList(from, rows.size()));
                return;
            }
            org.inOneTransaction(() -> {
                chunk.forEach(writer::write);
                return null;
            });
        }
        job.moveTo(JobState.JobComplete, org.now());
    }

    /** A job aborted before it ran: all its rows are unprocessed, when they can be read at all. */
    private List<List<String>> readOrNothing(BulkIngestJob job) {
        byte[] upload = job.takeUpload();
        if (upload == null) {
            return List.of();
        }
        try {
            IngestCsvReader.Table table = IngestCsvReader.read(job.header.csv(), upload);
            job.results.columns(table.columns());
            return table.rows();
        } catch (InvalidUpload e) {
            return List.of();
        }
    }

    /** Every column must name a field of the object the user can see, once; a delete names only Id. */
    private void checkHeader(BulkIngestJob job, List<String> columns) {
        Map<String, Object> describe = org.describe(job.header.object(), job.user, job.header.apiVersion());
        Set<String> fields = new HashSet<>();
        for (Object field : (List<?>) describe.get("fields")) {
            fields.add(String.valueOf(((Map<?, ?>) field).get("name")).toLowerCase(Locale.ROOT));
        }
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            String key = column.toLowerCase(Locale.ROOT);
            if (!fields.contains(key)) {
                throw new InvalidUpload("InvalidBatch : Field name not found : " + column);
            }
            if (!seen.add(key)) {
                throw new InvalidUpload("InvalidBatch : Duplicate field name : " + column);
            }
        }
        if (job.operation == IngestOperation.delete && !(columns.size() == 1 && seen.contains("id"))) {
            throw new InvalidUpload("InvalidBatch : The 'delete' batch must contain only ids");
        }
    }
}
