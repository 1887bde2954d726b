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
                    start(event.tenantId(), event.connectionId(), SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
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
            start(connection.tenantId(), connection.connectionId(), SchedulerClient.ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
        }
    }

    private void start(String tenantId, UUID connectionId, SchedulerClient.ScheduleOptions whenExists) {
        scheduler.schedule(SyncTaskConfig.CHANGE_STREAM.instance(instanceId(tenantId, connectionId).getId())
                .data(new SyncRoundRef(tenantId, connectionId)).scheduledTo(clock.instant()), whenExists);
        log.info("Salesforce connection {} of tenant {} streams its changes", connectionId, tenantId);
    }

    static TaskInstanceId instanceId(String tenantId, UUID connectionId) {
        return TaskInstanceId.of(SyncTaskConfig.CHANGE_STREAM.getTaskName(), TenantTaskInstances.id(tenantId, connectionId.toString()));
    }
}
