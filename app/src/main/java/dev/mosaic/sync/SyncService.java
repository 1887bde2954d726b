package dev.mosaic.sync;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.mosaic.connection.ConnectionChanged;
import dev.mosaic.connection.SalesforceSettings;
import dev.mosaic.platform.jobs.TenantTaskInstances;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.time.Instant;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/** The sync as the API and the UI see it: progress per object, the quarantine, and "sync now". */
@Service
public class SyncService {

    private final SyncStore store;
    private final ChildLinks childLinks;
    private final SchedulerClient scheduler;
    private final ChangeStreamStore streams;
    private final SalesforceSettings settings;
    private final Clock clock;

    SyncService(SyncStore store, ChildLinks childLinks, SchedulerClient scheduler, ChangeStreamStore streams,
                SalesforceSettings settings, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.streams = streams;
        this.childLinks = childLinks;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Progress per object, in the order a round takes them, with how its changes arrive and how far behind it may be. */
    public List<ObjectProgress> progress(String tenantId, UUID connectionId) {
        Instant now = clock.instant();
        Optional<ChangeStreamStore.Stream> stream = streams.delivering(tenantId, connectionId, ChangeStreams.TOPIC, now,
                settings.streamWatchdog());
        return store.progress(tenantId, connectionId).stream()
                .sorted(Comparator.comparingInt(progress -> SyncedObject.ofApiName(progress.name()).ordinal()))
                .map(progress -> {
                    boolean streaming = progress.phase() == SyncPhase.INCREMENTAL
                            && stream.filter(s -> s.streams(SyncedObject.ofApiName(progress.name()))).isPresent();
                    return progress.withDelivery(streaming, streaming ? streamLag(stream.get()) : pollLag(progress, now));
                })
                .toList();
    }

    /** The connection's change stream; empty when it has none (its org names no Pub/Sub API). */
    public Optional<ChangeStreamStatus> changeStream(String tenantId, UUID connectionId) {
        return streams.find(tenantId, connectionId, ChangeStreams.TOPIC).map(stream -> new ChangeStreamStatus(
                stream.state().name(), stream.detail(), stream.retryAt(), stream.events(), stream.lastEventAt()));
    }

    private static Double streamLag(ChangeStreamStore.Stream stream) {
        return stream.lagMillis() == null ? Double.valueOf(0) : Double.valueOf(stream.lagMillis() / 1000.0);
    }

    private static Double pollLag(ObjectProgress progress, Instant now) {
        return progress.lastSuccessAt() == null ? null
                : Double.valueOf(Math.max(0, Duration.between(progress.lastSuccessAt(), now).toMillis()) / 1000.0);
    }

    /** The connection's rounds, newest first. */
    public List<SyncRoundRecord> rounds(String tenantId, UUID connectionId, int limit, int offset) {
        return store.rounds(tenantId, connectionId, limit, offset);
    }

    public int roundCount(String tenantId, UUID connectionId) {
        return store.roundCount(tenantId, connectionId);
    }

    public List<QuarantinedRecord> quarantine(String tenantId, UUID connectionId, int limit, int offset) {
        return store.quarantined(tenantId, connectionId, limit, offset);
    }

    public int quarantined(String tenantId, UUID connectionId) {
        return store.quarantinedCount(tenantId, connectionId);
    }

    /**
     * Starts a round now, one that reads every object (those whose changes stream in too). Returns false when one is
     * running already (it goes on; the next follows on schedule and reads them).
     */
    public boolean syncNow(String tenantId, UUID connectionId) {
        // Streamed objects too: a person asking, or a stream that lost changes, wants them all read.
        store.askToRead(tenantId, connectionId, clock.instant());
        TaskInstanceId id = instanceId(tenantId, connectionId);
        Optional<ScheduledExecution<Object>> scheduled = scheduler.getScheduledExecution(id);
        if (scheduled.isPresent() && scheduled.get().isPicked()) {
            return false;
        }
        schedule(tenantId, connectionId);
        return true;
    }

    /** Runs in the transaction of the connection's change, so the schedule commits with it. */
    @EventListener
    void onConnectionChanged(ConnectionChanged event) {
        switch (event.change()) {
            case CONNECTED, RECONNECTED -> schedule(event.tenantId(), event.connectionId());
            case DISCONNECTED -> {
                TaskInstanceId id = instanceId(event.tenantId(), event.connectionId());
                if (scheduler.getScheduledExecution(id).filter(execution -> !execution.isPicked()).isPresent()) {
                    scheduler.cancel(id);
                }
                store.forget(event.tenantId(), event.connectionId());
                childLinks.forget(event.tenantId(), event.connectionId());
            }
        }
    }

    private void schedule(String tenantId, UUID connectionId) {
        scheduler.schedule(SyncTaskConfig.SYNC_ROUND.instance(TenantTaskInstances.id(tenantId, connectionId.toString()))
                .data(new SyncRoundRef(tenantId, connectionId)).scheduledTo(clock.instant()),
                SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
    }

    /** The connection's scheduled round: one execution per connection. */
    static TaskInstanceId instanceId(String tenantId, UUID connectionId) {
        return TaskInstanceId.of(SyncTaskConfig.SYNC_ROUND.getTaskName(), TenantTaskInstances.id(tenantId, connectionId.toString()));
    }
}
