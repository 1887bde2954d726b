package dev.mosaic.ingest.csv;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A row of csv_import_job: a background import's request, file and progress. */
record StoredImportJob(String tenantId, UUID importId, ImportType type, String source,
                       Map<String, String> requestedMapping, Map<String, String> mapping,
                       List<String> ignoredColumns, String externalIds, String status, int totalRows,
                       int fileParts, int rowsDone, int lastRow, int created, int updated, int unchanged,
                       int merged, int rejected, int moreErrors, long busyMillis, String lastError,
                       Instant createdAt, Instant startedAt, Instant finishedAt) {

    boolean ended() {
        return status.equals(CsvImportJob.DONE) || status.equals(CsvImportJob.FAILED);
    }

    /** What the job imports, as the request that created it asked. */
    CsvImportRequest request() {
        return new CsvImportRequest(type, source, requestedMapping, false);
    }

    /** Rows per second of work so far, to one decimal; null before the first chunk. */
    Double rate() {
        if (rowsDone == 0 || busyMillis <= 0) {
            return null;
        }
        return Math.round(rowsDone * 10_000.0 / busyMillis) / 10.0;
    }

    CsvImportJob view(List<CsvImportResult.RowError> errors) {
        Double rate = rate();
        Long eta = status.equals(CsvImportJob.RUNNING) && rate != null && rate > 0
                ? (long) Math.ceil(Math.max(0, totalRows - rowsDone) / rate)
                : null;
        return new CsvImportJob(importId, status, type.batchKey(), source, new CsvImportJob.Rows(rowsDone, totalRows),
                rate, eta, mapping, ignoredColumns, externalIds,
                new CsvImportResult.Summary(created, updated, unchanged, merged, rejected), errors,
                moreErrors == 0 ? null : moreErrors, lastError, createdAt, startedAt, finishedAt);
    }
}
