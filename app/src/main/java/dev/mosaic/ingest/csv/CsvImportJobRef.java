package dev.mosaic.ingest.csv;

import java.util.UUID;

/** The data of a {@code csv-import} task execution: which job to run. Its state is in csv_import_job. */
record CsvImportJobRef(String tenantId, UUID importId) {
}
