package dev.mosaic.bench.harness;

import java.util.Arrays;

/** Durations of many calls, in nanoseconds, and their percentiles (nearest rank) in milliseconds. */
public final class Latencies {

    private long[] nanos = new long[64];
    private int count;

    public synchronized void add(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = durationNanos;
    }

    /** Adds every duration of {@code other}. */
    public void addAll(Latencies other) {
        long[] theirs;
        synchronized (other) {
            theirs = Arrays.copyOf(other.nanos, other.count);
        }
        for (long duration : theirs) {
            add(duration);
        }
    }

    public synchronized int count() {
        return count;
    }

    /** The smallest value at or above {@code percent} of all; 0 when there are none. */
    public synchronized double percentileMs(double percent) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
    }

    public synchronized double maxMs() {
        return percentileMs(100);
    }
}
