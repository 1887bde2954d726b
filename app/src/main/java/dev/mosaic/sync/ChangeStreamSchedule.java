package dev.mosaic.sync;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.mosaic.connection.ConnectionChanged;
import dev.mosaic.connection.SalesforceConnection;
import dev.mosaic.connection.SalesforceConnections;
import dev.mosaic.platform.jobs.TenantTaskInstances;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Starts a connection's change stream when it connects, and ends it when it disconnects. */
@Component
class ChangeStreamSchedule {

    private static final Logger log = LoggerFactory.getLogger(ChangeStreamSchedule.class);

    private final SalesforceConnections connections;
    private final ChangeStreams streams;
    private final ChangeStreamStore store;
    private final SchedulerClient scheduler;
    private final Clock clock;

    ChangeStreamSchedule(SalesforceConnections connections, ChangeStreams streams, ChangeStreamStore store,
                         SchedulerClient scheduler, Clock clock) {
        this.connections = connections;
        this.streams = streams;
        this.store = store;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Runs in the transaction of the connection's change, so the schedule commits with it. */
    @EventListener
    void onConnectionChanged(ConnectionChanged event) {
        TaskInstanceId id = instanceId(event.tenantId(), event.connectionId());
        switch (event.change()) {
            case CONNECTED, RECONNECTED -> {
                boolean streaming = connections.find(event.tenantId(), event.connectionId()).flatMap(streams::endpoint).isPresent();
                // A stream listening now goes on; its next session logs in with the new credentials.
                boolean listening = scheduler.getScheduledExecution(id).filter(execution -> execution.isPicked()).isPresent();
                if (streaming && !listening) {
                    // New credentials end any wait an earlier failure set: the stream starts again now.
                    store.state(event.tenantId(), event.connectionId(), ChangeStreams.TOPIC, ChangeStreamStore.State.CONNECTING,
                            null, null, false, clock.instant());
                    scheduler.schedule(SyncTaskConfig.CHANGE_STREAM.instance(id.getId())
                                    .data(new SyncRoundRef(event.tenantId(), event.connectionId())).scheduledTo(clock.instant()),
                            SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
                    log.info("Salesforce connection {} of tenant {} streams its changes", event.connectionId(), event.tenantId());
                }
            }
            case DISCONNECTED -> {
                if (scheduler.getScheduledExecution(id).filter(execution -> !execution.isPicked()).isPresent()) {
                    scheduler.cancel(id);
                }
                store.forget(event.tenantId(), event.connectionId());
            }
        }
    }

    /**
     * Starts the connection's stream when it should have one and has none: a connection made before Mosaic streamed,
     * or whose stream task was removed. Asked at the start of each round.
     */
    void ensureStreaming(SalesforceConnection connection) {
        TaskInstanceId id = instanceId(connection.tenantId(), connection.connectionId());
        if (streams.endpoint(connection).isPresent() && scheduler.getScheduledExecution(id).isEmpty()) {
            scheduler.schedule(SyncTaskConfig.CHANGE_STREAM.instance(id.getId())
                            .data(new SyncRoundRef(connection.tenantId(), connection.connectionId())).scheduledTo(clock.instant()),
                    SchedulerClient.ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
            log.info("Salesforce connection {} of tenant {} streams its changes from now on", connection.connectionId(),
                    connection.tenantId());
        }
    }

    static TaskInstanceId instanceId(String tenantId, UUID connectionId) {
        return TaskInstanceId.of(SyncTaskConfig.CHANGE_STREAM.getTaskName(), TenantTaskInstances.id(tenantId, connectionId.toString()));
    }
}
