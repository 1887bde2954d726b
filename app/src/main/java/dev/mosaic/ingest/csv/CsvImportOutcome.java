package dev.mosaic.ingest.csv;

/** What {@link CsvImportService#importCsv} did with a file: imported it, or queued it as a background job. */
public sealed interface CsvImportOutcome {

    /** The file was imported (or on a dry run checked) within the request. */
    record Finished(CsvImportResult result) implements CsvImportOutcome {
    }

    /** The file is stored and a background job imports it; its progress is at {@code GET /api/v1/imports/{id}}. */
    record Queued(CsvImportJob job) implements CsvImportOutcome {
    }
}
