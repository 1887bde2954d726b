package dev.mosaic.sync;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.mosaic.connection.ConnectionStatus;
import dev.mosaic.connection.SalesforceConnection;
import dev.mosaic.connection.SalesforceConnections;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import dev.mosaic.platform.ids.TimeOrderedIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Runs a connection's scheduled round and decides when the next one is. */
@Component
class SyncRunner {

    /** How long a round waits when the org's API limit (or Mosaic's share of it) is spent. */
    static final Duration BUDGET_WAIT = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);

    private final SalesforceConnections connections;
    private final SyncRound round;
    private final SyncStore store;
    private final ChildLinks childLinks;
    private final ChangeStreamSchedule streams;
    private final Clock clock;

    /** @param streams lazily: it schedules with the scheduler that runs this runner */
    SyncRunner(SalesforceConnections connections, SyncRound round, SyncStore store, ChildLinks childLinks,
               @Lazy ChangeStreamSchedule streams, Clock clock) {
        this.connections = connections;
        this.streams = streams;
        this.round = round;
        this.store = store;
        this.childLinks = childLinks;
        this.clock = clock;
    }

    CompletionHandler<SyncRoundRef> run(TaskInstance<SyncRoundRef> instance, ExecutionContext context) {
        SyncRoundRef ref = instance.getData();
        Optional<SalesforceConnection> found = connections.find(ref.tenantId(), ref.connectionId());
        if (found.isEmpty()) {
            log.info("Salesforce connection {} of tenant {} is gone; its rounds end", ref.connectionId(), ref.tenantId());
            return (complete, operations) -> operations.remove();
        }
        SalesforceConnection connection = found.get();
        Instant now = clock.instant();
        if (connection.status() == ConnectionStatus.NEEDS_RECONNECT) {
            // Nothing to try until a person reconnects; reconnecting schedules a round at once.
            return at(now.plus(connection.syncInterval()));
        }
        streams.ensureStreaming(connection);
        UUID roundId = TimeOrderedIds.next();
        store.roundStarted(ref.tenantId(), ref.connectionId(), roundId, context.getExecution().pickedBy, now);
        SyncRound.Outcome outcome = round.run(connection, () -> context.getSchedulerState().isShuttingDown());
        Optional<SalesforceConnection> after = connections.find(ref.tenantId(), ref.connectionId());
        if (after.isEmpty()) {
            // Disconnected while the round ran: what the round wrote of the sync's own state goes too.
            store.forget(ref.tenantId(), ref.connectionId());
            childLinks.forget(ref.tenantId(), ref.connectionId());
            return (complete, operations) -> operations.remove();
        }
        store.roundEnded(ref.tenantId(), ref.connectionId(), roundId, outcome.name(), after.get().statusDetail(),
                clock.instant());
        Instant next = switch (outcome) {
            case STOPPED -> clock.instant();
            case BUDGET_SPENT -> clock.instant().plus(max(BUDGET_WAIT, connection.syncInterval()));
            default -> clock.instant().plus(connection.syncInterval());
        };
        return at(next);
    }

    private static CompletionHandler<SyncRoundRef> at(Instant next) {
        return (complete, operations) -> operations.reschedule(complete, next);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
