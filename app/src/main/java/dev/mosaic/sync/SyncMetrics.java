package dev.mosaic.sync;

import dev.mosaic.connection.ConnectionChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The sync's metrics on {@code /actuator/prometheus}: {@code mosaic_sync_records_total} (records written, per
 * object), {@code mosaic_salesforce_api_calls_total} (calls made, retries included) and
 * {@code mosaic_sync_lag_seconds} (per connection and object: how far behind Salesforce the graph may be for it; while
 * its change stream is live, from the newest applied change's commit to its write, else the time since the end of the
 * last successful round's window, as the connection's {@code objects[].lagSeconds} says), {@code mosaic_cdc_events_total}
 * (change events applied), {@code mosaic_sync_repaired_total} (per object: records polling rounds repaired that its
 * change stream had missed) and {@code mosaic_cdc_lag_seconds} (from a change's commit in Salesforce to its write in the
 * graph, per batch). Each instance reports what it ran: the rounds it ran, the streams it listens to.
 */
@Component
class SyncMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter apiCalls;
    private final Counter changeEvents;
    private final DistributionSummary changeLag;
    /** Per connection and object: the end of the window of the last round that read it. */
    private final Map<UUID, Map<SyncedObject, Instant>> syncedUntil = new ConcurrentHashMap<>();
    private final Map<UUID, LiveStream> liveStreams = new ConcurrentHashMap<>();
    /** The connections whose lag gauges are registered (each round and stream would otherwise register them again). */
    private final Set<UUID> lagRegistered = ConcurrentHashMap.newKeySet();

    /** A connection's stream while it is live: the objects it carries, and the lag of its newest applied batch. */
    private record LiveStream(Set<String> objects, long lagMillis) {
    }

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

    /** The connection's stream stands and carries these objects' changes; they are as fresh as its batches now. */
    void streamLive(UUID connectionId, List<String> objects) {
        registerLag(connectionId);
        liveStreams.put(connectionId, new LiveStream(Set.copyOf(objects), 0));
    }

    /** The connection's stream ended or waits: its objects are as fresh as the rounds again. */
    void streamDown(UUID connectionId) {
        liveStreams.remove(connectionId);
    }

    /** A batch of change events applied; {@code lagMillis} from the newest one's commit, null for a keepalive. */
    void streamed(UUID connectionId, int events, Long lagMillis) {
        changeEvents.increment(events);
        if (lagMillis != null) {
            changeLag.record(lagMillis / 1000.0);
            liveStreams.computeIfPresent(connectionId, (id, live) -> new LiveStream(live.objects(), lagMillis));
        }
    }

    void recordsWritten(SyncedObject object, int records) {
        if (records == 0) {
            return;
        }
        Counter.builder("mosaic.sync.records").description("Salesforce records written to the graph")
                .tag("object", object.apiName()).register(registry).increment(records);
    }

    /** Records of a round's chunk that the object's change stream had missed. */
    void repaired(SyncedObject object, int records) {
        if (records == 0) {
            return;
        }
        Counter.builder("mosaic.sync.repaired").description("Records polling rounds repaired that change streams had missed")
                .tag("object", object.apiName()).register(registry).increment(records);
    }

    void apiCall() {
        apiCalls.increment();
    }

    /** A round read the object: everything of it before {@code until} is in the graph. */
    void objectSynced(UUID connectionId, SyncedObject object, Instant until) {
        syncedUntil.computeIfAbsent(connectionId, id -> new ConcurrentHashMap<>()).put(object, until);
        registerLag(connectionId);
    }

    /** A disconnected connection's lag is not reported any longer (it would only grow). */
    @EventListener
    void onConnectionChanged(ConnectionChanged event) {
        if (event.change() == ConnectionChanged.Change.DISCONNECTED) {
            registry.find("mosaic.sync.lag").tag("connection", event.connectionId().toString()).meters()
                    .forEach(registry::remove);
            syncedUntil.remove(event.connectionId());
            liveStreams.remove(event.connectionId());
            lagRegistered.remove(event.connectionId());
        }
    }

    /** One lag gauge per object of the connection, registered once. */
    private void registerLag(UUID connectionId) {
        if (!lagRegistered.add(connectionId)) {
            return;
        }
        for (SyncedObject object : SyncedObject.values()) {
            Gauge.builder("mosaic.sync.lag", this, metrics -> metrics.lagSeconds(connectionId, object))
                    .description("How far behind Salesforce the graph may be for the object, in seconds")
                    .tag("connection", connectionId.toString()).tag("object", object.apiName()).baseUnit("seconds")
                    .register(registry);
        }
    }

    private double lagSeconds(UUID connectionId, SyncedObject object) {
        LiveStream live = liveStreams.get(connectionId);
        if (live != null && live.objects().contains(object.apiName())) {
            return live.lagMillis() / 1000.0;
        }
        Instant until = syncedUntil.getOrDefault(connectionId, Map.of()).get(object);
        return until == null ? Double.NaN : Math.max(0, clock.millis() - until.toEpochMilli()) / 1000.0;
    }
}
