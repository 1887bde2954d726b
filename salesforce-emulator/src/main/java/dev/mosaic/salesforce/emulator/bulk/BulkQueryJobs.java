package dev.mosaic.salesforce.emulator.bulk;

import dev.mosaic.salesforce.emulator.org.Org;
import dev.mosaic.salesforce.emulator.org.SalesforceError;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The org's Bulk 2.0 query jobs, and the small executor that moves them from UploadComplete to JobComplete.
 * Salesforce deletes query jobs and their results seven days after creation; so do we, or a long-running
 * emulator would keep every job's result rows forever. A job holds its result's row numbers, so past
 * {@link #DEFAULT_MAX_HELD_ROWS} rows held by all jobs the oldest jobs go early (then 404, as deleted ones do).
 * Jobs run their query on the executor, within the org's query timeout; one that runs out of time is Failed.
 */
public final class BulkQueryJobs {
    static final Duration RETENTION = Duration.ofDays(7);
    /** About 200 MB of row numbers. */
    static final long DEFAULT_MAX_HELD_ROWS = 50_000_000L;

    private final Map<String, BulkQueryJob> jobs = new ConcurrentHashMap<>();
    private final Executor executor;
    private final Org org;
    private final long maxHeldRows;

    public BulkQueryJobs(Executor executor, Org org) {
        this(executor, org, DEFAULT_MAX_HELD_ROWS);
    }

    BulkQueryJobs(Executor executor, Org org, long maxHeldRows) {
        this.executor = executor;
        this.org = org;
        this.maxHeldRows = maxHeldRows;
    }

    void submit(BulkQueryJob job) {
        dropExpired();
        jobs.put(job.id(), job);
        try {
            executor.execute(() -> run(job));
        } catch (RejectedExecutionException shuttingDown) {
            job.fail("The emulator is shutting down", org.now());
        }
    }

    private void run(BulkQueryJob job) {
        long started = System.nanoTime();
        if (!job.moveTo(JobState.InProgress, org.now())) {
            return;
        }
        try {
            // The query runs here, on the job's thread, within the org's query timeout.
            int records = job.result.totalSize();
            job.complete(records, (System.nanoTime() - started) / 1_000_000, org.now());
            dropOldestOverBudget(job);
        } catch (SalesforceError e) {
            // As Salesforce reports a query that passed the two-minute limit: QUERY_TIMEOUT and its message.
            job.fail(e.errorCode() + ": " + e.getMessage(), org.now());
        } catch (RuntimeException e) {
            job.fail(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), org.now());
        }
    }

    Optional<BulkQueryJob> find(String id) {
        dropExpired();
        return Optional.ofNullable(jobs.get(id));
    }

    boolean remove(String id) {
        return jobs.remove(id) != null;
    }

    List<BulkQueryJob> all() {
        dropExpired();
        List<BulkQueryJob> list = new ArrayList<>(jobs.values());
        list.sort((a, b) -> a.header.createdDate().compareTo(b.header.createdDate()));
        return list;
    }

    private void dropExpired() {
        Instant cutoff = org.now().minus(RETENTION);
        jobs.values().removeIf(job -> !job.header.createdDate().isAfter(cutoff));
    }

    /** After a job's query ran, so its rows are known. Synchronized so two jobs do not both drop for the same rows. */
    private synchronized void dropOldestOverBudget(BulkQueryJob newest) {
        long held = jobs.values().stream().mapToLong(BulkQueryJob::heldRows).sum();
        for (BulkQueryJob oldest : all()) {
            if (held <= maxHeldRows) {
                return;
            }
            if (oldest != newest && jobs.remove(oldest.id()) != null) {
                held -= oldest.heldRows();
            }
        }
    }
}
