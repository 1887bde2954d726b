package dev.mosaic.ingest.csv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mosaic.ingest.IngestService;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One import run within a request: chunk after chunk of rows, the counts so far, the first errors, and
 * on a dry run the preview.
 */
final class ChunkedImport {

    private static final Logger log = LoggerFactory.getLogger(ChunkedImport.class);

    private final IngestService ingest;
    private final String tenantId;
    private final CsvImportRequest request;
    private final ImportItemMapper mapper;
    private final ExternalIdClaims claims = ExternalIdClaims.inMemory();
    private ImportChunk chunk;

    private final List<ObjectNode> preview = new ArrayList<>();
    private final List<CsvImportResult.RowError> errors = new ArrayList<>();
    private int moreErrors;
    private int rows;
    private int created;
    private int updated;
    private int unchanged;
    private int merged;
    private int rejected;
    private final long startedNanos = System.nanoTime();

    ChunkedImport(IngestService ingest, String tenantId, CsvImportRequest request, ImportItemMapper mapper) {
        this.ingest = ingest;
        this.tenantId = tenantId;
        this.request = request;
        this.mapper = mapper;
        this.chunk = new ImportChunk(request.type(), mapper);
    }

    void accept(CsvRow row) {
        rows++;
        chunk.accept(row);
        if (chunk.rows() >= CsvImportService.CHUNK_ROWS) {
            flush();
            // Counts only, here and below: the rows themselves are customer data and stay out of the logs.
            log.info("CSV import of {} for tenant {} from source {}: {} rows done ({} rows/s), {} rejected so far",
                    request.type(), tenantId, request.source(), rows, rows * 1000L / Math.max(1, elapsedMillis()), rejected);
        }
    }

    private void flush() {
        if (chunk.isEmpty()) {
            return;
        }
        chunk.refuseRepeatedIds(claims);
        if (request.dryRun()) {
            for (ObjectNode item : chunk.items()) {
                if (preview.size() < CsvImportService.PREVIEW_ROWS) {
                    preview.add(item.deepCopy());
                }
            }
        }
        ImportChunk.Outcome outcome = chunk.write(ingest, tenantId, request);
        created += outcome.created();
        updated += outcome.updated();
        unchanged += outcome.unchanged();
        merged += outcome.merged();
        rejected += outcome.rejectedRows();
        for (CsvImportResult.RowError error : outcome.errors()) {
            if (errors.size() < CsvImportService.MAX_LISTED_ERRORS) {
                errors.add(error);
            } else {
                moreErrors++;
            }
        }
        chunk = new ImportChunk(request.type(), mapper);
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    CsvImportResult finish(ColumnMapping mapping) {
        flush();
        log.info("CSV import of {} for tenant {} from source {}{}: {} rows, {} rejected, {} ms", request.type(),
                tenantId, request.source(), request.dryRun() ? " (dry run)" : "", rows, rejected, elapsedMillis());
        return new CsvImportResult(request.dryRun(), request.type().batchKey(), request.source(), rows,
                mapping.headerToField(), mapping.ignoredHeaders(), mapper.externalIdRule(),
                request.dryRun() ? List.copyOf(preview) : null,
                request.dryRun() ? null : new CsvImportResult.Summary(created, updated, unchanged, merged, rejected),
                List.copyOf(errors), moreErrors == 0 ? null : moreErrors);
    }
}
