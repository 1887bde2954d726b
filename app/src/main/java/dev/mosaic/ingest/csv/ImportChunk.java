package dev.mosaic.ingest.csv;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mosaic.ingest.IngestService;
import dev.mosaic.ingest.IngestSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chunk of a CSV import: its rows in file order, each either an ingest item or an error at its
 * spreadsheet row (unreadable, nothing identifies it, an earlier row has its externalId). Ingest names the
 * items it refuses by position in the chunk; they leave here by row.
 */
final class ImportChunk {

    /**
     * What writing a chunk did.
     *
     * @param rows         rows in the chunk, each counted once: imported (created, updated or unchanged) or rejected
     * @param lastRow      spreadsheet row number of the chunk's last row
     * @param rejectedRows rows not imported
     * @param errors       the chunk's row errors in row order
     */
    record Outcome(int rows, int lastRow, int created, int updated, int unchanged, int merged, int rejectedRows,
                   List<CsvImportResult.RowError> errors) {
    }

    private final ImportType type;
    private final ImportItemMapper mapper;
    private ArrayNode items = JsonNodeFactory.instance.arrayNode();
    private List<Integer> itemRows = new ArrayList<>();
    private final List<CsvImportResult.RowError> rowErrors = new ArrayList<>();
    private int rows;
    private int lastRow;

    ImportChunk(ImportType type, ImportItemMapper mapper) {
        this.type = type;
        this.mapper = mapper;
    }

    void accept(CsvRow row) {
        rows++;
        lastRow = row.row();
        if (!row.isReadable()) {
            rowErrors.add(new CsvImportResult.RowError(row.row(), null, null, row.problem()));
            return;
        }
        ObjectNode item = mapper.toItem(row.values());
        if (!item.hasNonNull("externalId")) {
            // Ingest would only say "externalId is required", of a column the file may not even have.
            rowErrors.add(new CsvImportResult.RowError(row.row(), null, null, DerivedExternalIds.whatIdentifies(type)));
            return;
        }
        items.add(item);
        itemRows.add(row.row());
    }

    int rows() {
        return rows;
    }

    /** Spreadsheet row number of the last row accepted. */
    int lastRow() {
        return lastRow;
    }

    boolean isEmpty() {
        return rows == 0;
    }

    /** The items that will be written, in row order (after {@link #refuseRepeatedIds}). */
    List<ObjectNode> items() {
        List<ObjectNode> list = new ArrayList<>(items.size());
        items.forEach(item -> list.add((ObjectNode) item));
        return list;
    }

    /**
     * Keeps only the first row of each externalId, in this chunk or, as {@code claims} tell, before it; the
     * other rows become errors naming that first row.
     */
    void refuseRepeatedIds(ExternalIdClaims claims) {
        Map<String, Integer> firstRowById = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            firstRowById.putIfAbsent(externalId(i), itemRows.get(i));
        }
        Map<String, Integer> earlier = claims.claim(firstRowById);
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        List<Integer> keptRows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String externalId = externalId(i);
            int row = itemRows.get(i);
            int firstRow = earlier.getOrDefault(externalId, firstRowById.get(externalId));
            if (firstRow == row) {
                kept.add(items.get(i));
                keptRows.add(row);
            } else {
                rowErrors.add(new CsvImportResult.RowError(row, externalId, "externalId",
                        "Row " + firstRow + " has the same externalId; only the first of them is imported."));
            }
        }
        items = kept;
        itemRows = keptRows;
    }

    /** Ingests the items (on a dry run only validates them) and reports the chunk's rows. */
    Outcome write(IngestService ingest, String tenantId, CsvImportRequest request) {
        List<CsvImportResult.RowError> errors = new ArrayList<>(rowErrors);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int merged = 0;
        if (!items.isEmpty()) {
            ObjectNode batch = JsonNodeFactory.instance.objectNode();
            batch.set(request.type().batchKey(), items);
            IngestSummary summary = request.dryRun()
                    ? ingest.validate(tenantId, request.source(), batch)
                    : ingest.ingest(tenantId, request.source(), batch);
            created = summary.created();
            updated = summary.updated();
            unchanged = summary.unchanged();
            merged = summary.merged();
            for (IngestSummary.Rejection rejection : summary.rejected()) {
                errors.add(new CsvImportResult.RowError(rowOf(rejection), rejection.externalId(),
                        rejection.field(), rejection.reason()));
            }
        }
        errors.sort(Comparator.comparingInt(CsvImportResult.RowError::row));
        int rejectedRows = (int) errors.stream().mapToInt(CsvImportResult.RowError::row).distinct().count();
        return new Outcome(rows, lastRow, created, updated, unchanged, merged, rejectedRows, List.copyOf(errors));
    }

    private String externalId(int index) {
        return items.get(index).get("externalId").asText();
    }

    /** Ingest names an item by its position in the chunk; the user knows it by its row in the file. */
    private int rowOf(IngestSummary.Rejection rejection) {
        int index = rejection.index();
        if (index < 0 || index >= itemRows.size()) {
            throw new IllegalStateException("Ingest rejected item " + index + " of a chunk of "
                    + itemRows.size() + " " + rejection.kind());
        }
        return itemRows.get(index);
    }
}
