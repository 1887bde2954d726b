package dev.mosaic.sync;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.mosaic.connection.ConnectionStatus;
import dev.mosaic.connection.LoginHosts;
import dev.mosaic.connection.SalesforceConnection;
import dev.mosaic.connection.SalesforceConnections;
import dev.mosaic.connection.SalesforceSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;

/**
 * Each connection's change stream (Change Data Capture over the Pub/Sub API), as one background task per connection:
 * db-scheduler runs it on one app instance at a time, and on another when that one dies. A task listens for one
 * session ({@code mosaic.salesforce.stream-session}), then reschedules itself at once; after an error, when the error
 * says. Polling rounds go on beside it and catch whatever the stream misses. An instance listens to at most
 * {@code mosaic.salesforce.max-streams} streams at once, so that rounds and imports always find a thread; the
 * connections past it poll, and look every 15 seconds for a place a stream left (disconnected, or stopped by an error;
 * a stream whose session simply ended takes its place again at once).
 */
@Component
class ChangeStreams {

    /** Every object the org selected for Change Data Capture, on one stream. */
    static final String TOPIC = "/data/ChangeEvents";
    private static final Duration RECONNECT_CHECK = Duration.ofMinutes(5);
    private static final Duration NO_ROOM_RETRY = Duration.ofSeconds(15);
    /** How often a listening session looks whether its connection was disconnected meanwhile. */
    private static final Duration CONNECTION_CHECK = Duration.ofSeconds(2);

    private final SalesforceConnections connections;
    private final SalesforceSettings settings;
    private final ChangeStreamStore streams;
    private final ChangeStreamSession sessions;
    private final Clock clock;
    private final Semaphore listening;

    ChangeStreams(SalesforceConnections connections, SalesforceSettings settings, ChangeStreamStore streams,
                  ChangeStreamSession sessions, Clock clock) {
        this.connections = connections;
        this.settings = settings;
        this.streams = streams;
        this.sessions = sessions;
        this.clock = clock;
        this.listening = new Semaphore(Math.max(0, settings.maxStreams()));
    }

    CompletionHandler<SyncRoundRef> run(TaskInstance<SyncRoundRef> instance, ExecutionContext context) {
        SyncRoundRef ref = instance.getData();
        Optional<SalesforceConnection> found = connections.find(ref.tenantId(), ref.connectionId());
        Optional<String> endpoint = found.flatMap(this::endpoint);
        if (endpoint.isEmpty()) {
            return ended(ref);
        }
        SalesforceConnection connection = found.get();
        Instant now = clock.instant();
        if (connection.status() == ConnectionStatus.NEEDS_RECONNECT) {
            return at(now.plus(RECONNECT_CHECK));
        }
        Optional<Instant> retryAt = streams.find(ref.tenantId(), ref.connectionId(), TOPIC)
                .map(ChangeStreamStore.Stream::retryAt).filter(at -> at.isAfter(now));
        if (retryAt.isPresent()) {
            return at(retryAt.get());
        }
        if (!listening.tryAcquire()) {
            Instant retry = now.plus(NO_ROOM_RETRY);
            streams.state(ref.tenantId(), ref.connectionId(), TOPIC, ChangeStreamStore.State.WAITING, "This Mosaic "
                    + "instance listens to as many change streams as it may (" + settings.maxStreams() + "); the objects "
                    + "are polled until one is free", retry, false, now);
            return at(retry);
        }
        Instant next;
        try {
            next = sessions.listen(connection, endpoint.get(), stoppingOrGone(context, ref));
        } finally {
            listening.release();
        }
        return connections.find(ref.tenantId(), ref.connectionId()).isPresent() ? at(next) : ended(ref);
    }

    /** Disconnected (or no longer streaming): the task ends, and with it what its session last said of the stream. */
    private CompletionHandler<SyncRoundRef> ended(SyncRoundRef ref) {
        streams.forget(ref.tenantId(), ref.connectionId());
        return (complete, operations) -> operations.remove();
    }

    /** Whether the session should end: the app stops, or the connection was disconnected (asked of the database seldom). */
    private BooleanSupplier stoppingOrGone(ExecutionContext context, SyncRoundRef ref) {
        AtomicReference<Instant> nextCheck = new AtomicReference<>(clock.instant().plus(CONNECTION_CHECK));
        AtomicBoolean gone = new AtomicBoolean();
        return () -> {
            Instant now = clock.instant();
            if (!gone.get() && !now.isBefore(nextCheck.get())) {
                nextCheck.set(now.plus(CONNECTION_CHECK));
                gone.set(connections.find(ref.tenantId(), ref.connectionId()).isEmpty());
            }
            return gone.get() || context.getSchedulerState().isShuttingDown();
        };
    }

    /**
     * Where the connection's org streams its changes from: the endpoint a person named, else Salesforce's own for an
     * org on Salesforce. An org elsewhere (an emulator) streams only from an endpoint named for it.
     */
    Optional<String> endpoint(SalesforceConnection connection) {
        if (connection.pubsubEndpoint() != null) {
            return Optional.of(connection.pubsubEndpoint());
        }
        String host = connection.loginUrl().getHost();
        return host != null && LoginHosts.isSalesforceLogin(host) && !settings.pubsubEndpoint().isBlank()
                ? Optional.of(settings.pubsubEndpoint()) : Optional.empty();
    }

    static boolean plaintext(String endpoint) {
        return !LoginHosts.isSalesforcePubSub(endpoint.substring(0, endpoint.lastIndexOf(':')));
    }

    private static CompletionHandler<SyncRoundRef> at(Instant next) {
        return (complete, operations) -> operations.reschedule(complete, next);
    }
}
