package dev.mosaic.ingest.csv;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.mosaic.ingest.IngestService;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one background CSV import from its stored file, chunk after chunk. Each chunk and the progress it
 * makes (rows done, the row it ends at, counts, errors, the externalIds it claims) commit in one
 * transaction, so a run that stops anywhere (crash, shutdown, failure) is resumed by the next after the
 * last committed chunk, and no row is imported twice.
 */
@Component
class CsvImportJobRunner {

    /** Failed attempts in a row, with no chunk committed between them, before the job is given up. */
    static final int MAX_FAILURES = 3;
    static final Duration RETRY_DELAY = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(CsvImportJobRunner.class);

    private final CsvImportJobStore store;
    private final IngestService ingest;
    private final TransactionTemplate transaction;
    private final CsvImportSettings settings;
    private final Clock clock;

    CsvImportJobRunner(CsvImportJobStore store, IngestService ingest, TransactionTemplate transaction,
                       CsvImportSettings settings, Clock clock) {
        this.store = store;
        this.ingest = ingest;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
    }

    /** Another run of the same job committed a chunk meanwhile (this one was taken for dead): it goes on, this one stops. */
    private static final class SupersededRun extends RuntimeException {
        SupersededRun() {
            super(null, null, false, false);
        }
    }

    CompletionHandler<CsvImportJobRef> run(TaskInstance<CsvImportJobRef> instance, ExecutionContext context) {
        CsvImportJobRef ref = instance.getData();
        Optional<StoredImportJob> found = store.find(ref.tenantId(), ref.importId());
        if (found.isEmpty() || found.get().ended()
                || !store.markRunning(ref.tenantId(), ref.importId(), clock.instant())) {
            log.warn("CSV import {} of tenant {} has ended or is gone; dropping its execution", ref.importId(), ref.tenantId());
            return remove();
        }
        StoredImportJob job = found.get();
        if (job.lastRow() > 0) {
            log.info("CSV import {} for tenant {}: resuming after row {} ({} of {} rows done)", job.importId(),
                    job.tenantId(), job.lastRow(), job.rowsDone(), job.totalRows());
        }
        try {
            return importRest(job, context);
        } catch (SupersededRun e) {
            log.warn("CSV import {} for tenant {}: another run went on with it; this one stops", job.importId(), job.tenantId());
            return (complete, operations) -> {
                // The execution belongs to the other run now.
            };
        } catch (IOException | RuntimeException e) {
            return afterFailure(job, e);
        }
    }

    private CompletionHandler<CsvImportJobRef> importRest(StoredImportJob job, ExecutionContext context) throws IOException {
        CsvImportRequest request = job.request();
        try (CsvRowReader rows = CsvRowReader.open(new InputStreamReader(StoredCsvFile.open(store, job), StandardCharsets.UTF_8))) {
            ColumnMapping mapping = ColumnMapping.forFile(request.type(), rows.header(), request.mapping());
            ImportItemMapper mapper = new ImportItemMapper(request.type(), mapping);
            ExternalIdClaims claims = firstRowById -> store.claim(job.tenantId(), job.importId(), firstRowById);
            int lastRow = job.lastRow();
            ImportChunk chunk = new ImportChunk(request.type(), mapper);
            long chunkStarted = clock.millis();
            for (CsvRow row = rows.next(); row != null; row = rows.next()) {
                if (row.row() <= job.lastRow()) {
                    continue;
                }
                chunk.accept(row);
                if (chunk.rows() >= settings.chunkRows()) {
                    lastRow = commit(job, request, chunk, lastRow, claims, chunkStarted);
                    if (context.getSchedulerState().isShuttingDown()) {
                        log.info("CSV import {} for tenant {}: the app is stopping; handing the job back after row {}",
                                job.importId(), job.tenantId(), lastRow);
                        return (complete, operations) -> operations.reschedule(complete, clock.instant());
                    }
                    chunk = new ImportChunk(request.type(), mapper);
                    chunkStarted = clock.millis();
                }
            }
            if (!chunk.isEmpty()) {
                lastRow = commit(job, request, chunk, lastRow, claims, chunkStarted);
            }
            int endedAt = lastRow;
            if (!transaction.execute(status -> store.finish(job.tenantId(), job.importId(), endedAt, clock.instant()))) {
                throw new SupersededRun();
            }
        }
        StoredImportJob done = store.find(job.tenantId(), job.importId()).orElseThrow();
        log.info("CSV import {} of {} for tenant {} from source {}: done, {} rows, {} created, {} updated, {} unchanged,"
                        + " {} merged, {} rejected, {} rows/s", done.importId(), done.type(), done.tenantId(), done.source(),
                done.rowsDone(), done.created(), done.updated(), done.unchanged(), done.merged(), done.rejected(), done.rate());
        return remove();
    }

    /** Writes the chunk and its progress in one transaction; returns the row it ends at. */
    private int commit(StoredImportJob job, CsvImportRequest request, ImportChunk chunk, int expectedLastRow,
                       ExternalIdClaims claims, long startedMillis) {
        CsvImportJobStore.Progress progress = transaction.execute(status -> {
            chunk.refuseRepeatedIds(claims);
            ImportChunk.Outcome outcome = chunk.write(ingest, job.tenantId(), request);
            // Locked last, after the chunk's writes: a run that lost the job to another stops here, and its
            // chunk is rolled back.
            OptionalInt listed = store.lockAt(job.tenantId(), job.importId(), expectedLastRow);
            if (listed.isEmpty()) {
                throw new SupersededRun();
            }
            int room = Math.max(0, CsvImportService.MAX_LISTED_ERRORS - listed.getAsInt());
            List<CsvImportResult.RowError> toList = outcome.errors().subList(0, Math.min(room, outcome.errors().size()));
            store.addErrors(job.tenantId(), job.importId(), listed.getAsInt() + 1, toList);
            return store.recordChunk(job.tenantId(), job.importId(), outcome, toList.size(),
                    outcome.errors().size() - toList.size(), clock.millis() - startedMillis);
        });
        // Counts only: the rows are customer data and stay out of the logs.
        log.info("CSV import {} for tenant {}: {} of {} rows done ({} rows/s), {} rejected so far", job.importId(),
                job.tenantId(), progress.rowsDone(), job.totalRows(),
                progress.busyMillis() == 0 ? "-" : progress.rowsDone() * 1000L / progress.busyMillis(), progress.rejected());
        return chunk.lastRow();
    }

    private CompletionHandler<CsvImportJobRef> afterFailure(StoredImportJob job, Exception e) {
        // A file or mapping that cannot be read now could not be read on a retry either.
        boolean permanent = e instanceof InvalidImportException || e instanceof StoredCsvFile.MissingPartException;
        String message = "The import stopped after row " + store.find(job.tenantId(), job.importId())
                .map(StoredImportJob::lastRow).orElse(job.lastRow()) + ": " + describe(e);
        Optional<String> status = store.recordFailure(job.tenantId(), job.importId(), message, permanent, MAX_FAILURES,
                clock.instant());
        if (status.isEmpty() || status.get().equals(CsvImportJob.FAILED)) {
            log.error("CSV import {} for tenant {} failed for good", job.importId(), job.tenantId(), e);
            return remove();
        }
        log.warn("CSV import {} for tenant {} failed; retrying in {}", job.importId(), job.tenantId(), RETRY_DELAY, e);
        return (complete, operations) -> operations.reschedule(complete, clock.instant().plus(RETRY_DELAY));
    }

    /** Our own exceptions say what went wrong; others may quote SQL or row values, so only their kind is shown. */
    private static String describe(Exception e) {
        if (e instanceof InvalidImportException || e instanceof StoredCsvFile.MissingPartException) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException || e instanceof IOException) {
            return "the stored file could not be read (" + e.getClass().getSimpleName() + ").";
        }
        return "an unexpected error (" + e.getClass().getSimpleName() + "); it has been logged.";
    }

    private static CompletionHandler<CsvImportJobRef> remove() {
        return (complete, operations) -> operations.remove();
    }
}
