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
 * <p>Chunks are ingested one after the other, each on its own: if the import stops half-way, the chunks
 * before stay imported, and importing the file again completes it without duplicates, since each row's
 * externalId is taken from the file or derived from it the same way every time.
 */
@Service
public class CsvImportService {

    /** Rows per ingest batch: one transaction of a bounded size, however large the file. */
    static final int CHUNK_ROWS = 1_000;
    static final int PREVIEW_ROWS = 20;
    /** A file that is wrong throughout has an error per row; the first thousand say what is wrong. */
    static final int MAX_LISTED_ERRORS = 1_000;

    private final IngestService ingest;

    public CsvImportService(IngestService ingest) {
        this.ingest = ingest;
    }

    /**
     * Reads the UTF-8 CSV from {@code csv} as it arrives (it is not held in memory) and imports it for the
     * tenant. Fails with {@link InvalidImportException} before writing anything when the file has no
     * header or the mapping does not fit it.
     */
    public CsvImportResult importCsv(String tenantId, CsvImportRequest request, InputStream csv) throws IOException {
        try (CsvRowReader rows = CsvRowReader.open(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            ColumnMapping mapping = request.mapping() == null
                    ? ColumnMapping.automatic(request.type(), rows.header())
                    : ColumnMapping.explicit(request.type(), rows.header(), request.mapping());
            mapping.requireSomeColumn(request.type(), rows.header());
            ImportItemMapper mapper = new ImportItemMapper(request.type(), mapping);
            ChunkedImport run = new ChunkedImport(ingest, tenantId, request, mapper);
            for (CsvRow row = rows.next(); row != null; row = rows.next()) {
                run.accept(row);
            }
            return run.finish(mapping);
        }
    }
}
