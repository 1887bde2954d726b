package dev.mosaic.salesforce.emulator.org;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Small generated orgs on a fixed clock, shared by the tests. */
public final class TestOrgs {
    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static InMemoryOrg shared;

    private TestOrgs() {
    }

    /** A read-only org for query tests; tests that write make their own with {@link #fresh}. */
    static synchronized InMemoryOrg shared() {
        if (shared == null) {
            shared = InMemoryOrg.generate(42, 100, CLOCK);
        }
        return shared;
    }

    static InMemoryOrg fresh() {
        return InMemoryOrg.generate(42, 100, CLOCK);
    }

    static InMemoryOrg fresh(Clock clock) {
        return InMemoryOrg.generate(42, 100, clock);
    }
}
