package dev.mosaic.ingest.csv;

import dev.mosaic.ingest.IngestService;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When an import runs as a background job, and the size of its chunks ({@code MOSAIC_IMPORTS_*}).
 *
 * @param backgroundAboveRows a file with more data rows than this is imported by a background job; a
 *                            smaller one within the request
 * @param chunkRows           rows a background import writes per transaction
 */
@ConfigurationProperties("mosaic.imports")
public record CsvImportSettings(@DefaultValue("10000") int backgroundAboveRows, @DefaultValue("1000") int chunkRows) {

    public CsvImportSettings {
        if (backgroundAboveRows < 0) {
            throw new IllegalArgumentException("mosaic.imports.background-above-rows must be 0 or more, not "
                    + backgroundAboveRows);
        }
        if (chunkRows < 1 || chunkRows > IngestService.MAX_ITEMS) {
            throw new IllegalArgumentException("mosaic.imports.chunk-rows must be between 1 and "
                    + IngestService.MAX_ITEMS + ", not " + chunkRows);
        }
    }
}
