package dev.mosaic.salesforce.emulator.bulk;

import dev.mosaic.salesforce.emulator.org.Org;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The org's Bulk 2.0 ingest jobs, processed on the same executor as query jobs. Kept as long as query jobs are
 * ({@link BulkQueryJobs#RETENTION}), after which they answer 404 as deleted ones do, so that a long-running
 * emulator does not keep every upload's rows forever.
 */
public final class BulkIngestJobs {
    private final Map<String, BulkIngestJob> jobs = new ConcurrentHashMap<>();
    private final Executor executor;
    private final Org org;
    private final IngestProcessor processor;

    public BulkIngestJobs(Executor executor, Org org) {
        this.executor = executor;
        this.org = org;
        this.processor = new IngestProcessor(org);
    }

    void add(BulkIngestJob job) {
        dropExpired();
        jobs.put(job.id(), job);
    }

    /** Closes an Open job: it waits for the executor, which processes its data. */
    void close(BulkIngestJob job) {
        if (!job.moveFrom(JobState.Open, JobState.UploadComplete, org.now())) {
            throw BulkCalls.invalidJob("Job " + job.id() + " is in state " + job.state()
                    + "; only an Open job can be set to UploadComplete.");
        }
        try {
            executor.execute(() -> processor.process(job));
        } catch (RejectedExecutionException shuttingDown) {
            job.fail("The emulator is shutting down", org.now());
        }
    }

    /**
     * Aborts a job that has not ended. One still Open never reaches the executor, so its upload is reported as
     * unprocessed here; a closed one reports it when the processing notices the abort.
     */
    void abort(BulkIngestJob job) {
        boolean wasOpen = job.state() == JobState.Open;
        if (!job.moveTo(JobState.Aborted, org.now())) {
            if (job.state() == JobState.Aborted) {
                return;
            }
            throw BulkCalls.invalidJob("Job " + job.id() + " is in state " + job.state() + " and cannot be aborted.");
        }
        if (wasOpen) {
            processor.abandon(job);
        }
    }

    Optional<BulkIngestJob> find(String id) {
        dropExpired();
        return Optional.ofNullable(jobs.get(id));
    }

    void remove(String id) {
        jobs.remove(id);
    }

    List<BulkIngestJob> all() {
        dropExpired();
        List<BulkIngestJob> list = new ArrayList<>(jobs.values());
        list.sort(Comparator.comparing(job -> job.header.createdDate()));
        return list;
    }

    private void dropExpired() {
        Instant cutoff = org.now().minus(BulkQueryJobs.RETENTION);
        jobs.values().removeIf(job -> !job.header.createdDate().isAfter(cutoff));
    }
}
