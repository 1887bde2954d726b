package dev.mosaic.salesforce.emulator.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Faults armed through the control API, each for N matching requests after the first {@code after} matching ones
 * (which pass untouched), applied in arming order.
 */
public final class FaultPlan {
    private final List<Armed> armed = new ArrayList<>();
    private final Map<FaultKind, Long> fired = new EnumMap<>(FaultKind.class);

    public synchronized void arm(FaultKind kind, String match, int times, Duration delay) {
        arm(kind, match, times, delay, 0);
    }

    /** @param after matching requests to let through before the fault fires (to fail a sync half-way) */
    public synchronized void arm(FaultKind kind, String match, int times, Duration delay, int after) {
        if (times <= 0) {
            throw new IllegalArgumentException("times must be positive: " + times);
        }
        if (after < 0) {
            throw new IllegalArgumentException("after must not be negative: " + after);
        }
        armed.add(new Armed(new Fault(kind, match == null ? "" : match, delay == null ? Duration.ZERO : delay), times, after));
    }

    public synchronized void clear() {
        armed.clear();
    }

    /** The fault that fires for this request path, if any, consuming one of its uses. */
    public synchronized Optional<Fault> take(String path) {
        Iterator<Armed> it = armed.iterator();
        while (it.hasNext()) {
            Armed next = it.next();
            if (path.contains(next.fault.match())) {
                if (next.passing > 0) {
                    next.passing--;
                    continue;
                }
                if (--next.remaining == 0) {
                    it.remove();
                }
                fired.merge(next.fault.kind(), 1L, Long::sum);
                return Optional.of(next.fault);
            }
        }
        return Optional.empty();
    }

    /** How many requests each kind of fault has hit since the emulator started (clearing does not reset it). */
    public synchronized Map<FaultKind, Long> fired() {
        return new EnumMap<>(fired);
    }

    /** Whether no armed fault is waiting for a request. */
    public synchronized boolean idle() {
        return armed.isEmpty();
    }

    private static final class Armed {
        private final Fault fault;
        private int remaining;
        private int passing;

        private Armed(Fault fault, int remaining, int passing) {
            this.fault = fault;
            this.remaining = remaining;
            this.passing = passing;
        }
    }
}
