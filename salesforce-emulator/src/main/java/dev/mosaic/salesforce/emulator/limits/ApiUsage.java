package dev.mosaic.salesforce.emulator.limits;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The org's daily API request allowance. A call is counted only when it is let through, so a client
 * that keeps hitting the limit does not push the counter further past it.
 */
public final class ApiUsage {
    private final long dailyLimit;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong bulkQueryJobs = new AtomicLong();

    public ApiUsage(long dailyLimit) {
        if (dailyLimit < 0) {
            throw new IllegalArgumentException("api limit must not be negative: " + dailyLimit);
        }
        this.dailyLimit = dailyLimit;
    }

    /** Counts one API call; false when the daily limit is already used up. */
    public boolean tryConsume() {
        while (true) {
            long current = used.get();
            if (current >= dailyLimit) {
                return false;
            }
            if (used.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    public long used() {
        return used.get();
    }

    public long dailyLimit() {
        return dailyLimit;
    }

    public long remaining() {
        return Math.max(0, dailyLimit - used.get());
    }

    /** The value of {@code Sforce-Limit-Info}. */
    public String limitInfoHeader() {
        return "api-usage=" + used.get() + "/" + dailyLimit;
    }

    public void countBulkQueryJob() {
        bulkQueryJobs.incrementAndGet();
    }

    public long bulkQueryJobs() {
        return bulkQueryJobs.get();
    }
}
