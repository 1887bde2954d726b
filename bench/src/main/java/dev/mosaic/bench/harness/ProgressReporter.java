package dev.mosaic.bench.harness;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Prints "done / total, rate, ETA" at a fixed interval while long work runs. */
public final class ProgressReporter implements AutoCloseable {

    private final PrintStream out;
    private final String unit;
    private final long total;
    private final AtomicLong done = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "progress");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long startedNanos;

    public ProgressReporter(PrintStream out, String unit, long total) {
        this.out = out;
        this.unit = unit;
        this.total = total;
    }

    /** Starts the clock and the reports. */
    public void start(Duration every) {
        startedNanos = System.nanoTime();
        timer.scheduleAtFixedRate(() -> out.println(line(done.get(), total, unit, System.nanoTime() - startedNanos)),
                every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void advance(long amount) {
        done.addAndGet(amount);
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** {@code   12,000 / 20,000 records (60.0%)  1,234 records/s  ETA 6s}. */
    public static String line(long done, long total, String unit, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = done == 0 || rate <= 0 ? "ETA unknown" : "ETA " + duration((total - done) / rate);
        return String.format(java.util.Locale.ROOT, "  %,d / %,d %s (%.1f%%)  %,.0f %s/s  %s", done, total, unit,
                total == 0 ? 100.0 : 100.0 * done / total, rate, unit, eta);
    }

    /** {@code 45s}, {@code 3m 20s}, {@code 1h 02m}. */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m " + String.format("%02d", s % 60) + "s";
        }
        return (s / 3600) + "h " + String.format("%02d", (s % 3600) / 60) + "m";
    }
}
