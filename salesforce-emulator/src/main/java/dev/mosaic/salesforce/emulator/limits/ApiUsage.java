package dev.mosaic.salesforce.emulator.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The org's daily API request allowance. A call is counted only when it is let through, so a client
 * that keeps hitting the limit does not push the counter further past it. The allowance renews
 * 24 hours after the window opened (on the injected clock), so a long-running demo does not lock up.
 */
public final class ApiUsage {
    static final Duration WINDOW = Duration.ofHours(24);

    private final long dailyLimit;
    private final Clock clock;
    private Instant windowStart;
    private long used;
    private long bulkQueryJobs;

    public ApiUsage(long dailyLimit, Clock clock) {
        if (dailyLimit < 0) {
            throw new IllegalArgumentException("api limit must not be negative: " + dailyLimit);
        }
        this.dailyLimit = dailyLimit;
        this.clock = clock;
        this.windowStart = clock.instant();
    }

    /** Counts one API call; false when the daily limit is already used up. */
    public synchronized boolean tryConsume() {
        renewIfDue();
        if (used >= dailyLimit) {
            return false;
        }
        used++;
        return true;
    }

    public synchronized long used() {
        renewIfDue();
        return used;
    }

    public long dailyLimit() {
        return dailyLimit;
    }

    public synchronized long remaining() {
        renewIfDue();
        return Math.max(0, dailyLimit - used);
    }

    /** The value of {@code Sforce-Limit-Info}. */
    public synchronized String limitInfoHeader() {
        renewIfDue();
        return "api-usage=" + used + "/" + dailyLimit;
    }

    public synchronized void countBulkQueryJob() {
        renewIfDue();
        bulkQueryJobs++;
    }

    public synchronized long bulkQueryJobs() {
        renewIfDue();
        return bulkQueryJobs;
    }

    private void renewIfDue() {
        Instant now = clock.instant();
        if (!now.isBefore(windowStart.plus(WINDOW))) {
            windowStart = now;
            used = 0;
            bulkQueryJobs = 0;
        }
    }
}
