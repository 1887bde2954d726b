package dev.mosaic.ingest.csv;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * What a CSV import did, or on a dry run would do. {@code preview} is there only on a dry run,
 * {@code summary} only on a real run.
 *
 * @param rows           data rows in the file (blank lines not counted)
 * @param mapping        {@code {"CSV header":"mosaicField"}} as used
 * @param ignoredColumns headers of the columns that fed nothing
 * @param externalIds    where the items' externalIds came from
 * @param preview        the first rows as the ingest items they become
 * @param errors         per-row problems in row order, at most {@link CsvImportService#MAX_LISTED_ERRORS}
 * @param moreErrors     how many problems were found beyond those listed; absent when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CsvImportResult(boolean dryRun, String type, String source, int rows, Map<String, String> mapping,
                              List<String> ignoredColumns, String externalIds, List<ObjectNode> preview,
                              Summary summary, List<RowError> errors, Integer moreErrors) {

    /** @param rejected rows not imported: unreadable, duplicate or refused by validation */
    public record Summary(int created, int updated, int unchanged, int merged, int rejected) {
    }

    /**
     * One problem with one row, numbered as a spreadsheet shows it (the header is row 1). {@code field}
     * is null when the row as a whole is at fault, {@code externalId} when the row has none.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RowError(int row, String externalId, String field, String reason) {
    }
}
