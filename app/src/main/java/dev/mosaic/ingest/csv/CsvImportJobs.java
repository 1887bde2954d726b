package dev.mosaic.ingest.csv;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.mosaic.platform.errors.NotFoundException;
import dev.mosaic.platform.jobs.TenantTaskInstances;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Background CSV imports: starts one (stores the file, records the job and schedules its execution, all
 * in one transaction), and shows where each is. {@link CsvImportJobRunner} runs them.
 */
@Service
public class CsvImportJobs {

    private static final Logger log = LoggerFactory.getLogger(CsvImportJobs.class);

    private final CsvImportJobStore store;
    private final SchedulerClient scheduler;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CsvImportJobs(CsvImportJobStore store, SchedulerClient scheduler, TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.scheduler = scheduler;
        this.transaction = transaction;
        this.clock = clock;
    }

    CsvImportJob start(String tenantId, CsvImportRequest request, CsvFileSurvey survey, CsvUpload upload)
            throws IOException {
        UUID importId = UUID.randomUUID();
        Instant now = clock.instant();
        StoredCsvFile.Size size;
        try {
            size = transaction.execute(status -> {
                store.insert(tenantId, importId, request, survey, now);
                StoredCsvFile.Size stored;
                try (InputStream csv = upload.open()) {
                    stored = StoredCsvFile.store(store, tenantId, importId, csv);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                store.recordFile(tenantId, importId, stored.bytes(), stored.parts());
                // Joins this transaction (the scheduler's DataSource is transaction-aware): no job without
                // its execution, and no execution without its job.
                scheduler.schedule(CsvImportTaskConfig.CSV_IMPORT
                        .instance(TenantTaskInstances.id(tenantId, importId.toString()))
                        .data(new CsvImportJobRef(tenantId, importId))
                        .scheduledTo(now));
                return stored;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        log.info("CSV import {} of {} for tenant {} from source {}: {} rows ({} bytes) queued as a background job",
                importId, request.type(), tenantId, request.source(), survey.rows(), size.bytes());
        return get(tenantId, importId);
    }

    /** The import with its first errors; {@link NotFoundException} when the tenant has no such import. */
    public CsvImportJob get(String tenantId, UUID importId) {
        StoredImportJob job = store.find(tenantId, importId)
                .orElseThrow(() -> new NotFoundException("There is no import " + importId + " in this workspace."));
        return job.view(store.errors(tenantId, importId));
    }

    /** The tenant's background imports, newest first, without their error lists. */
    public CsvImportJobList list(String tenantId, int limit, int offset) {
        return new CsvImportJobList(store.newestFirst(tenantId, limit, offset).stream()
                .map(job -> job.view(null))
                .toList(), store.count(tenantId));
    }
}
