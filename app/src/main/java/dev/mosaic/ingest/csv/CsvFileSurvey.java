package dev.mosaic.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * What one read of a file tells before anything is written: that its header and the mapping fit, and how
 * many data rows it has (counted as the import counts them). Reads row by row, in bounded memory.
 */
record CsvFileSurvey(int rows, ColumnMapping mapping, String externalIdRule) {

    /** Fails with {@link InvalidImportException} as the import itself would, on the header or the mapping. */
    static CsvFileSurvey of(CsvImportRequest request, InputStream csv) throws IOException {
        try (CsvRowReader reader = CsvRowReader.open(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            ColumnMapping mapping = ColumnMapping.forFile(request.type(), reader.header(), request.mapping());
            int rows = 0;
            while (reader.next() != null) {
                rows++;
            }
            return new CsvFileSurvey(rows, mapping, new ImportItemMapper(request.type(), mapping).externalIdRule());
        }
    }
}
