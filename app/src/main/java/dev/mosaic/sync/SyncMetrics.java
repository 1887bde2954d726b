package dev.mosaic.sync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
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
 * time since the end of its last successful round's window), {@code mosaic_cdc_events_total} (change events applied)
 * and {@code mosaic_cdc_lag_seconds} (from a change's commit in Salesforce to its write in the graph, per batch).
 */
@Component
class SyncMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter apiCalls;
    private final Counter changeEvents;
    private final DistributionSummary changeLag;
    private final Map<UUID, Instant> syncedUntil = new ConcurrentHashMap<>();

    SyncMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.apiCalls = Counter.builder("mosaic.salesforce.api.calls").description("Salesforce API calls made by the sync")
                .register(registry);
        this.changeEvents = Counter.builder("mosaic.cdc.events").description("Change events applied from Salesforce's streams")
                .register(registry);
        this.changeLag = DistributionSummary.builder("mosaic.cdc.lag")
                .description("Seconds from a change's commit in Salesforce to its write in the graph").baseUnit("seconds")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    /** A batch of change events applied; {@code lagMillis} from the newest one's commit, null for a keepalive. */
    void streamed(int events, Long lagMillis) {
        changeEvents.increment(events);
        if (lagMillis != null) {
            changeLag.record(lagMillis / 1000.0);
        }
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
