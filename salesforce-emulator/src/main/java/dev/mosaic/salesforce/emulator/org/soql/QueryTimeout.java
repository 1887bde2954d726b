package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.SalesforceError;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Salesforce's per-query time budget: a query still working when it runs out fails with 400
 * {@code QUERY_TIMEOUT}, so a pathological query stops burning CPU instead of running on after its client
 * gave up. Time comes from a monotonic nanosecond source, not the org's clock: tests move the org's clock
 * to expire sessions and age records, and that must not cut queries short.
 */
public final class QueryTimeout {
    /** Salesforce's own limit: two minutes. */
    public static final Duration DEFAULT = Duration.ofSeconds(120);
    /** Reading the time every 1,024 steps costs nothing measurable next to the steps themselves. */
    private static final int CHECK_EVERY = 1024;

    private final long budgetNanos;
    private final LongSupplier nanoTime;

    /** {@code nanoTime} is monotonic nanoseconds, like {@code System::nanoTime}. */
    public QueryTimeout(Duration budget, LongSupplier nanoTime) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("query timeout must be positive: " + budget);
        }
        this.budgetNanos = budget.compareTo(Duration.ofDays(365)) > 0 ? Long.MAX_VALUE : budget.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime);
    }

    public static QueryTimeout defaults() {
        return new QueryTimeout(DEFAULT, System::nanoTime);
    }

    /** The error Salesforce answers, the same as the injected QUERY_TIMEOUT fault's. */
    public static SalesforceError exceeded() {
        return new SalesforceError(400, "QUERY_TIMEOUT", "Your query request was running for too long.");
    }

    /** A deadline for one piece of work: running the query, or formatting one later page of it. */
    Deadline start() {
        return new Deadline(nanoTime.getAsLong());
    }

    /** Confined to the thread doing the work, so its step count needs no synchronization. */
    final class Deadline {
        private final long startNanos;
        private int steps;

        private Deadline(long startNanos) {
            this.startNanos = startNanos;
        }

        /** One step of work (a row visited, a comparison); fails once the budget is spent. */
        void tick() {
            if (++steps % CHECK_EVERY == 0) {
                check();
            }
        }

        void check() {
            // A difference of nanoTime readings, never a comparison of readings, so it cannot overflow.
            if (nanoTime.getAsLong() - startNanos > budgetNanos) {
                throw exceeded();
            }
        }
    }
}
