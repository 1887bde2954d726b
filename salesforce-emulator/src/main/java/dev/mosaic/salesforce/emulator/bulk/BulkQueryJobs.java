package dev.mosaic.salesforce.emulator.bulk;

import dev.mosaic.salesforce.emulator.org.Org;

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
 * emulator would keep every job's result rows forever.
 */
public final class BulkQueryJobs {
    static final Duration RETENTION = Duration.ofDays(7);

    private final Map<String, BulkQueryJob> jobs = new ConcurrentHashMap<>();
    private final Executor executor;
    private final Org org;

    public BulkQueryJobs(Executor executor, Org org) {
        this.executor = executor;
        this.org = org;
    }

    void submit(BulkQueryJob job) {
        dropExpired();
        jobs.put(job.id, job);
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
            int records = job.result.totalSize();
            job.complete(records, (System.nanoTime() - started) / 1_000_000, org.now());
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
        list.sort((a, b) -> a.createdDate.compareTo(b.createdDate));
        return list;
    }

    private void dropExpired() {
        Instant cutoff = org.now().minus(RETENTION);
        jobs.values().removeIf(job -> !job.createdDate.isAfter(cutoff));
    }
}
