package dev.mosaic.ingest.csv;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mosaic.ingest.IngestService;
import dev.mosaic.ingest.IngestSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One import run's state: the rows of the current chunk with their row numbers, the counts so far and the
 * errors, which come back from ingest by position in the chunk and leave here by spreadsheet row.
 */
final class ChunkedImport {

    private static final Logger log = LoggerFactory.getLogger(ChunkedImport.class);

    private final IngestService ingest;
    private final String tenantId;
    private final CsvImportRequest request;
    private final ImportItemMapper mapper;

    private final ArrayNode chunkItems = JsonNodeFactory.instance.arrayNode();
    private final List<Integer> chunkItemRows = new ArrayList<>();
    private final List<CsvImportResult.RowError> chunkRowErrors = new ArrayList<>();
    /** The first row of each externalId: a later row with the same id would overwrite it on every import. */
    private final Map<String, Integer> rowByExternalId = new HashMap<>();

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
    }

    void accept(CsvRow row) {
        rows++;
        if (!row.isReadable()) {
            chunkRowErrors.add(new CsvImportResult.RowError(row.row(), null, null, row.problem()));
        } else {
            acceptItem(row.row(), mapper.toItem(row.values()));
        }
        if (chunkItems.size() + chunkRowErrors.size() >= CsvImportService.CHUNK_ROWS) {
            flush();
            // Counts only, here and below: the rows themselves are customer data and stay out of the logs.
            log.info("CSV import of {} for tenant {} from source {}: {} rows done ({} rows/s), {} rejected so far",
                    request.type(), tenantId, request.source(), rows, rows * 1000L / Math.max(1, elapsedMillis()), rejected);
        }
    }

    private void acceptItem(int row, ObjectNode item) {
        if (!item.hasNonNull("externalId")) {
            // Ingest would only say "externalId is required", of a column the file may not even have.
            chunkRowErrors.add(new CsvImportResult.RowError(row, null, null,
                    DerivedExternalIds.whatIdentifies(request.type())));
            return;
        }
        String externalId = item.get("externalId").asText();
        Integer firstRow = rowByExternalId.putIfAbsent(externalId, row);
        if (firstRow != null) {
            chunkRowErrors.add(new CsvImportResult.RowError(row, externalId, "externalId",
                    "Row " + firstRow + " has the same externalId; only the first of them is imported."));
            return;
        }
        if (request.dryRun() && preview.size() < CsvImportService.PREVIEW_ROWS) {
            preview.add(item.deepCopy());
        }
        chunkItems.add(item);
        chunkItemRows.add(row);
    }

    private void flush() {
        List<CsvImportResult.RowError> chunkErrors = new ArrayList<>(chunkRowErrors);
        if (!chunkItems.isEmpty()) {
            ObjectNode batch = JsonNodeFactory.instance.objectNode();
            batch.set(request.type().batchKey(), chunkItems);
            IngestSummary summary = request.dryRun()
                    ? ingest.validate(tenantId, request.source(), batch)
                    : ingest.ingest(tenantId, request.source(), batch);
            created += summary.created();
            updated += summary.updated();
            unchanged += summary.unchanged();
            merged += summary.merged();
            for (IngestSummary.Rejection rejection : summary.rejected()) {
                chunkErrors.add(new CsvImportResult.RowError(rowOf(rejection), rejection.externalId(),
                        rejection.field(), rejection.reason()));
            }
        }
        chunkErrors.sort(Comparator.comparingInt(CsvImportResult.RowError::row));
        rejected += (int) chunkErrors.stream().mapToInt(CsvImportResult.RowError::row).distinct().count();
        for (CsvImportResult.RowError error : chunkErrors) {
            if (errors.size() < CsvImportService.MAX_LISTED_ERRORS) {
                errors.add(error);
            } else {
                moreErrors++;
            }
        }
        chunkItems.removeAll();
        chunkItemRows.clear();
        chunkRowErrors.clear();
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Ingest names an item by its position in the chunk; the user knows it by its row in the file. */
    private int rowOf(IngestSummary.Rejection rejection) {
        int index = rejection.index();
        if (index < 0 || index >= chunkItemRows.size()) {
            throw new IllegalStateException("Ingest rejected item " + index + " of a chunk of "
                    + chunkItemRows.size() + " " + rejection.kind());
        }
        return chunkItemRows.get(index);
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
