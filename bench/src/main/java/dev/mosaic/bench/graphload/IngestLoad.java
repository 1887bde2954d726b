package dev.mosaic.bench.graphload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.bench.BenchFailure;
import dev.mosaic.bench.harness.Latencies;
import dev.mosaic.bench.harness.MosaicHttp;
import dev.mosaic.bench.harness.ProgressReporter;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends a {@link BatchStream} to {@code POST /api/v1/ingest/{source}} with a number of parallel senders, each taking
 * the next batch when its previous one is answered. A 400 {@code invalid_items} is counted (the valid items were
 * saved); any other answer that is not 2xx stops the load and is reported with its body.
 */
final class IngestLoad {

    /** The outcome of the whole load; {@code seconds} runs from the first batch sent to the last one answered. */
    record Result(long records, int batches, double seconds, long created, long updated, long unchanged, long merged,
                  long rejected, List<String> rejectionSamples, Latencies batchLatencies, double generateSeconds) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final MosaicHttp http;
    private final BatchStream stream;
    private final int concurrency;
    private final long total;
    private final PrintStream out;

    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicLong firstSent = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastAnswered = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong generateNanos = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong updated = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong merged = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final List<String> rejectionSamples = new ArrayList<>();
    private final Latencies latencies = new Latencies();
    private ProgressReporter progress;

    IngestLoad(MosaicHttp http, BatchStream stream, int concurrency, long total, PrintStream out) {
        this.http = http;
        this.stream = stream;
        this.concurrency = concurrency;
        this.total = total;
        this.out = out;
    }

    Result run() throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(concurrency, runnable -> new Thread(runnable, "ingest-sender"));
        try (ProgressReporter reporter = new ProgressReporter(out, "records", total)) {
            progress = reporter;
            reporter.start(PROGRESS_EVERY);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                running.add(senders.submit(() -> {
                    sendUntilDone();
                    return null;
                }));
            }
            for (Future<?> sender : running) {
                try {
                    sender.get();
                } catch (ExecutionException e) {
                    failure.compareAndSet(null, e.getCause() instanceof RuntimeException runtime ? runtime
                            : new BenchFailure("A sender failed: " + e.getCause(), e.getCause()));
                }
            }
        } finally {
            senders.shutdownNow();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double seconds = batches.get() == 0 ? 0 : (lastAnswered.get() - firstSent.get()) / 1e9;
        synchronized (rejectionSamples) {
            return new Result(records.get(), batches.get(), seconds, created.get(), updated.get(), unchanged.get(),
                    merged.get(), rejected.get(), List.copyOf(rejectionSamples), latencies, generateNanos.get() / 1e9);
        }
    }

    private void sendUntilDone() throws InterruptedException {
        while (failure.get() == null) {
            long generating = System.nanoTime();
            IngestBatch batch;
            synchronized (stream) {
                if (!stream.hasNext()) {
                    return;
                }
                batch = stream.next();
            }
            byte[] body = batch.json();
            long sent = System.nanoTime();
            generateNanos.addAndGet(sent - generating);
            firstSent.accumulateAndGet(sent, Math::min);
            String call = "POST /api/v1/ingest/" + batch.source().apiName + " (batch " + batch.number() + ", "
                    + batch.size() + " items, " + body.length / 1024 + " KB)";
            MosaicHttp.Response response;
            try {
                response = http.postJson("api/v1/ingest/" + batch.source().apiName, body);
            } catch (IOException e) {
                failure.compareAndSet(null, new BenchFailure(call + " failed: " + e, e));
                return;
            }
            long answered = System.nanoTime();
            lastAnswered.accumulateAndGet(answered, Math::max);
            latencies.add(answered - sent);
            try {
                account(batch, call, response);
            } catch (BenchFailure e) {
                failure.compareAndSet(null, e);
                return;
            }
            batches.incrementAndGet();
            records.addAndGet(batch.size());
            progress.advance(batch.size());
        }
    }

    private void account(IngestBatch batch, String call, MosaicHttp.Response response) {
        JsonNode summary;
        JsonNode refused;
        if (response.status() == 200) {
            summary = read(call, response);
            refused = summary.path("rejected");
        } else if (response.status() == 400 && read(call, response).path("error").path("code").asText().equals("invalid_items")) {
            JsonNode details = read(call, response).path("error").path("details");
            summary = details.path("summary");
            refused = details.path("rejected");
        } else {
            throw new BenchFailure(call + " answered " + response.status() + ":\n" + response.shortBody());
        }
        if (summary.path("received").asInt(-1) != batch.size()) {
            throw new BenchFailure(call + " says it received " + summary.path("received") + " items of " + batch.size()
                    + ":\n" + response.shortBody());
        }
        created.addAndGet(summary.path("created").asLong());
        updated.addAndGet(summary.path("updated").asLong());
        unchanged.addAndGet(summary.path("unchanged").asLong());
        merged.addAndGet(summary.path("merged").asLong());
        rejected.addAndGet(refused.size());
        synchronized (rejectionSamples) {
            for (JsonNode rejection : refused) {
                if (rejectionSamples.size() < 5) {
                    rejectionSamples.add(batch.source().apiName + " " + rejection.path("kind").asText() + "["
                            + rejection.path("index").asText() + "] " + rejection.path("externalId").asText() + " "
                            + rejection.path("field").asText() + ": " + rejection.path("reason").asText());
                }
            }
        }
    }

    private static JsonNode read(String call, MosaicHttp.Response response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new BenchFailure(call + " answered " + response.status() + " with a body that is not JSON:\n"
                    + response.shortBody());
        }
    }
}
