package dev.mosaic.ingest.csv;

import dev.mosaic.ingest.IngestService;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Service;

/**
 * Imports a CSV file of organizations or contacts: maps its columns to Mosaic fields, turns its rows into
 * ingest batch items and hands them to {@link IngestService} in chunks, or on a dry run only validates
 * them. Problems of single rows are reported with their spreadsheet row numbers and never stop the import.
 *
 * <p>A file of at most {@link CsvImportSettings#backgroundAboveRows()} data rows is imported within the
 * request. A larger one is stored and imported by a background job ({@link CsvImportJobs}) that survives
 * restarts. A dry run always answers within the request: it writes nothing, so there is nothing to resume,
 * and validating is quick even for the largest upload.
 *
 * <p>Chunks are ingested one after the other, each on its own: if the import stops half-way, the chunks
 * before stay imported, and importing the file again completes it without duplicates, since each row's
 * externalId is taken from the file or derived from it the same way every time.
 */
@Service
public class CsvImportService {

    /** Rows per ingest batch within a request: one transaction of a bounded size, however large the file. */
    static final int CHUNK_ROWS = 1_000;
    static final int PREVIEW_ROWS = 20;
    /** A file that is wrong throughout has an error per row; the first thousand say what is wrong. */
    static final int MAX_LISTED_ERRORS = 1_000;

    private final IngestService ingest;
    private final CsvImportJobs jobs;
    private final CsvImportSettings settings;

    CsvImportService(IngestService ingest, CsvImportJobs jobs, CsvImportSettings settings) {
        this.ingest = ingest;
        this.jobs = jobs;
        this.settings = settings;
    }

    /**
     * Imports the UTF-8 CSV for the tenant, or queues a job that does. Reads the file row by row (it is
     * never held in memory). Fails with {@link InvalidImportException} before writing anything when the
     * file has no header or the mapping does not fit it.
     */
    public CsvImportOutcome importCsv(String tenantId, CsvImportRequest request, CsvUpload upload) throws IOException {
        if (!request.dryRun()) {
            CsvFileSurvey survey;
            try (InputStream csv = upload.open()) {
                survey = CsvFileSurvey.of(request, csv);
            }
            if (survey.rows() > settings.backgroundAboveRows()) {
                return new CsvImportOutcome.Queued(jobs.start(tenantId, request, survey, upload));
            }
        }
        try (InputStream csv = upload.open()) {
            return new CsvImportOutcome.Finished(importNow(tenantId, request, csv));
        }
    }

    private CsvImportResult importNow(String tenantId, CsvImportRequest request, InputStream csv) throws IOException {
        try (CsvRowReader rows = CsvRowReader.open(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            ColumnMapping mapping = ColumnMapping.forFile(request.type(), rows.header(), request.mapping());
            ImportItemMapper mapper = new ImportItemMapper(request.type(), mapping);
            ChunkedImport run = new ChunkedImport(ingest, tenantId, request, mapper);
            for (CsvRow row = rows.next(); row != null; row = rows.next()) {
                run.accept(row);
            }
            return run.finish(mapping);
        }
    }
}
