package dev.mosaic.ingest.csv;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A background CSV import as the API shows it: where it is, how fast it goes, and what it did so far.
 *
 * @param status     {@code queued}, {@code running}, {@code done} or {@code failed}
 * @param rows       data rows imported (or rejected) so far, of the file's total
 * @param rate       rows per second of work so far; absent before the first chunk
 * @param etaSeconds seconds until done at that rate; only while running
 * @param summary    the counts so far, as a finished import reports them
 * @param errors     the first problems by row number, at most {@link CsvImportService#MAX_LISTED_ERRORS};
 *                   absent in lists
 * @param moreErrors problems found beyond those listed; absent when none
 * @param lastError  why the job failed, or why its last attempt did while it is retried
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CsvImportJob(UUID id, String status, String type, String source, Rows rows, Double rate,
                           Long etaSeconds, Map<String, String> mapping, List<String> ignoredColumns,
                           String externalIds, CsvImportResult.Summary summary,
                           List<CsvImportResult.RowError> errors, Integer moreErrors, String lastError,
                           Instant createdAt,
                           @JsonInclude(JsonInclude.Include.ALWAYS) Instant startedAt,
                           @JsonInclude(JsonInclude.Include.ALWAYS) Instant finishedAt) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public record Rows(int done, int total) {
    }
}
