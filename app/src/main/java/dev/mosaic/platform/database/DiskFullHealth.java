package dev.mosaic.platform.database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health DOWN while the database's disk is full. A full disk still lets PostgreSQL answer a connection check and
 * every read, so the usual database check stays UP while every write fails; Mosaic cannot see the disk of an external
 * database either. So the writes tell: health stays DOWN for a minute after the last one refused for a full disk.
 */
@Component("databaseDisk")
public class DiskFullHealth implements HealthIndicator {

    static final Duration REMEMBERED = Duration.ofMinutes(1);

    private final Clock clock;
    private final AtomicReference<Instant> lastRefused = new AtomicReference<>();

    public DiskFullHealth(Clock clock) {
        this.clock = clock;
    }

    /** The outage {@code failure} of a request or a job comes from, if any, noting a full disk. */
    public Optional<DatabaseOutage> outageOf(Throwable failure) {
        Optional<DatabaseOutage> outage = DatabaseOutage.of(failure);
        if (outage.isPresent() && outage.get() == DatabaseOutage.DISK_FULL) {
            lastRefused.set(clock.instant());
        }
        return outage;
    }

    @Override
    public Health health() {
        Instant last = lastRefused.get();
        if (last != null && clock.instant().isBefore(last.plus(REMEMBERED))) {
            return Health.down().withDetail("reason", "the database refused a write for a full disk at " + last).build();
        }
        return Health.up().build();
    }
}
