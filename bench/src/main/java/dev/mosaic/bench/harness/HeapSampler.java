package dev.mosaic.bench.harness;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the app's heap from {@code /actuator/prometheus} at a fixed rate and keeps the largest value seen: the
 * sum of {@code jvm_memory_used_bytes{area="heap"}} over the heap's pools (garbage not yet collected included),
 * and the live data after the last old-generation collection. A peak between two samples is not seen. Only those two
 * series are asked for: a whole scrape, five times a second, cost the app measured more than a tenth of what it
 * allocated during a load.
 */
public final class HeapSampler implements AutoCloseable {

    private static final String SCRAPE = "actuator/prometheus?includedNames=jvm_memory_used_bytes,jvm_gc_live_data_size_bytes";

    private final MosaicHttp http;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "heap-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakLive = new AtomicLong();
    private final AtomicInteger samples = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile String lastFailure = "";
    private final List<Charts.Point> usedMbOverTime = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final long startedNanos = System.nanoTime();

    private HeapSampler(MosaicHttp http) {
        this.http = http;
    }

    public static HeapSampler start(MosaicHttp http, Duration every) {
        HeapSampler sampler = new HeapSampler(http);
        sampler.timer.scheduleAtFixedRate(sampler::sample, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return sampler;
    }

    private void sample() {
        try {
            MosaicHttp.Response response = http.get(SCRAPE);
            if (response.status() != 200) {
                failures.incrementAndGet();
                lastFailure = "HTTP " + response.status() + " " + response.shortBody();
                return;
            }
            Reading reading = Reading.parse(response.body());
            peakUsed.accumulateAndGet(reading.heapUsedBytes(), Math::max);
            usedMbOverTime.add(new Charts.Point((System.nanoTime() - startedNanos) / 1e9, reading.heapUsedBytes() / 1048576.0));
            peakLive.accumulateAndGet(reading.liveDataBytes(), Math::max);
            samples.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failures.incrementAndGet();
            lastFailure = e.toString();
        }
    }

    public long peakUsedBytes() {
        return peakUsed.get();
    }

    public long peakLiveDataBytes() {
        return peakLive.get();
    }

    /** Every sample: seconds since the sampler started, and the heap used then in MB. */
    public List<Charts.Point> usedMbOverTime() {
        synchronized (usedMbOverTime) {
            return List.copyOf(usedMbOverTime);
        }
    }

    public int samples() {
        return samples.get();
    }

    public int failures() {
        return failures.get();
    }

    public String lastFailure() {
        return lastFailure;
    }

    /** Stops sampling; the peaks stay readable. */
    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** One scrape's figures, in bytes. */
    public record Reading(long heapUsedBytes, long liveDataBytes) {

        /** Reads the Prometheus text format (0.0.4 or OpenMetrics); absent series count as 0. */
        public static Reading parse(String exposition) {
            double heap = 0;
            double live = 0;
            for (String line : exposition.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int labels = line.indexOf('{');
                int space = line.indexOf(' ');
                boolean labelled = labels >= 0 && (space < 0 || labels < space);
                String name = labelled ? line.substring(0, labels) : line.substring(0, space);
                String value = (labelled ? line.substring(line.lastIndexOf('}') + 1) : line.substring(space)).trim()
                        .split("\\s+")[0];
                if (name.equals("jvm_memory_used_bytes") && line.contains("area=\"heap\"")) {
                    heap += Double.parseDouble(value);
                } else if (name.equals("jvm_gc_live_data_size_bytes")) {
                    live = Math.max(live, Double.parseDouble(value));
                }
            }
            return new Reading((long) heap, (long) live);
        }
    }
}
