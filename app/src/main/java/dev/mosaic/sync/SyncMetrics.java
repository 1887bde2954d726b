package dev.mosaic.sync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The sync's metrics on {@code /actuator/prometheus}: {@code mosaic_sync_records_total} (records written, per
 * object), {@code mosaic_salesforce_api_calls_total} (calls made, retries included) and
 * {@code mosaic_sync_lag_seconds} (per connection: how old the newest complete picture of its org is, i.e. the
 * time since the end of its last successful round's window).
 */
@Component
class SyncMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter apiCalls;
    private final Map<UUID, Instant> syncedUntil = new ConcurrentHashMap<>();

    SyncMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.apiCalls = Counter.builder("mosaic.salesforce.api.calls").description("Salesforce API calls made by the sync")
                .register(registry);
    }

    void recordsWritten(SyncedObject object, int records) {
        if (records == 0) {
            return;
        }
        Counter.builder("mosaic.sync.records").description("Salesforce records written to the graph")
                .tag("object", object.apiName()).register(registry).increment(records);
    }

    void apiCall() {
        apiCalls.increment();
    }

    /** A round succeeded: everything before {@code until} is in the graph. */
    void roundSucceeded(UUID connectionId, Instant until) {
        if (syncedUntil.put(connectionId, until) == null) {
            Gauge.builder("mosaic.sync.lag", syncedUntil, known -> lagSeconds(known.get(connectionId)))
                    .description("Seconds since the end of the connection's last complete sync window")
                    .tag("connection", connectionId.toString()).baseUnit("seconds").register(registry);
        }
    }

    private double lagSeconds(Instant until) {
        return until == null ? Double.NaN : Math.max(0, clock.millis() - until.toEpochMilli()) / 1000.0;
    }
}
