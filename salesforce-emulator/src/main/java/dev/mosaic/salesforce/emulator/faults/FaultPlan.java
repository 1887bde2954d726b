package dev.mosaic.salesforce.emulator.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Faults armed through the control API, each for its next N matching requests, applied in arming order. */
public final class FaultPlan {
    private final List<Armed> armed = new ArrayList<>();

    public synchronized void arm(FaultKind kind, String match, int times, Duration delay) {
        if (times <= 0) {
            throw new IllegalArgumentException("times must be positive: " + times);
        }
        armed.add(new Armed(new Fault(kind, match == null ? "" : match, delay == null ? Duration.ZERO : delay), times));
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
                if (--next.remaining == 0) {
                    it.remove();
                }
                return Optional.of(next.fault);
            }
        }
        return Optional.empty();
    }

    private static final class Armed {
        private final Fault fault;
        private int remaining;

        private Armed(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }
}
