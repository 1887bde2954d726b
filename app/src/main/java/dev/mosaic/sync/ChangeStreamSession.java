package dev.mosaic.sync;

import dev.mosaic.connection.ConnectionStatus;
import dev.mosaic.connection.SalesforceConnection;
import dev.mosaic.connection.SalesforceConnections;
import dev.mosaic.connection.SalesforceSettings;
import dev.mosaic.connection.SecretsUnreadableException;
import dev.mosaic.salesforce.client.Disposition;
import dev.mosaic.salesforce.client.SalesforceClient;
import dev.mosaic.salesforce.client.SalesforceException;
import dev.mosaic.salesforce.client.Session;
import dev.mosaic.salesforce.client.Sleeper;
import dev.mosaic.salesforce.client.pubsub.ChangeEvent;
import dev.mosaic.salesforce.client.pubsub.ChangeListener;
import dev.mosaic.salesforce.client.pubsub.PubSubClient;
import dev.mosaic.salesforce.client.pubsub.PubSubException;
import dev.mosaic.salesforce.client.pubsub.ReplayId;
import dev.mosaic.sync.mapping.MappingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * One listening session of a connection's change stream: subscribes after the stored replay id (or at the newest
 * event), applies each batch with its replay id, and answers each failure as it deserves. The session expired: a new
 * one, and on from the same replay id. The replay id is no longer retained: a polling round catches up, and the stream
 * starts afresh at the oldest retained event (never again from that id). The delivery allocation spent, or no Change Data
 * Capture in the org: polling alone for an hour. Anything else: a short wait, and on from the same replay id. Nothing
 * heard for too long, not even a keepalive: the stream is taken for silently dead and subscribed again.
 */
@Component
class ChangeStreamSession {

    private static final Logger log = LoggerFactory.getLogger(ChangeStreamSession.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final Duration STREAMING_BARRED = Duration.ofHours(1);
    private static final String DEFAULT_CURRENCY = "USD";
    /** Events written in one transaction at most, when they queue up. */
    private static final int MOST_APPLIED_AT_ONCE = 1_000;
    /** How far a transaction whose first events are in is gathered past {@link #MOST_APPLIED_AT_ONCE}, to be written whole. */
    private static final int MOST_GATHERED_FOR_ONE_TRANSACTION = 10 * MOST_APPLIED_AT_ONCE;
    /** How long a batch waits for the ones behind it, to be read and written with them. */
    private static final Duration GATHER = Duration.ofMillis(150);

    private final SalesforceConnections connections;
    private final SalesforceSettings settings;
    private final ChangeStreamStore streams;
    private final StreamedChanges changes;
    private final SyncService rounds;
    private final Sleeper sleeper;
    private final SyncMetrics metrics;
    private final Clock clock;

    /** @param rounds lazily: the scheduler that runs this session also needs what schedules rounds */
    ChangeStreamSession(SalesforceConnections connections, SalesforceSettings settings, ChangeStreamStore streams,
                        StreamedChanges changes, @Lazy SyncService rounds, Sleeper sleeper, SyncMetrics metrics, Clock clock) {
        this.connections = connections;
        this.settings = settings;
        this.streams = streams;
        this.changes = changes;
        this.rounds = rounds;
        this.sleeper = sleeper;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A batch of events (none: a keepalive) and where the stream stands after it. */
    private record Batch(List<ChangeEvent> events, ReplayId latest) {
    }

    /** Listens until the session's end, the app stopping, or a failure that needs a pause; returns when to go on. */
    Instant listen(SalesforceConnection connection, String endpoint, BooleanSupplier stopping) {
        String tenantId = connection.tenantId();
        SalesforceClient client;
        try {
            client = connections.client(connection);
        } catch (SecretsUnreadableException e) {
            return waiting(connection, e.getMessage(), RETRY.multipliedBy(60), false);
        }
        RoundContext round = new RoundContext(connection, new ApiCalls(client, settings, sleeper, metrics::apiCall),
                new MappingContext(connection.orgId(), connection.instanceUrl(), DEFAULT_CURRENCY),
                Soql.millis(clock.instant()), stopping, Streamed.NOTHING);
        Instant end = clock.instant().plus(settings.streamSession());
        BlockingDeque<Object> heard = new LinkedBlockingDeque<>();
        ChangeListener listener = new ChangeListener() {
            @Override
            public void onEvents(List<ChangeEvent> events, ReplayId latest) {
                heard.add(new Batch(events, latest));
            }

            @Override
            public void onError(PubSubException failure) {
                heard.add(failure);
            }
        };
        try (PubSubClient pubsub = new PubSubClient(endpoint, ChangeStreams.plaintext(endpoint), client::session)) {
            PubSubClient.Subscription subscription = subscribe(connection, pubsub, listener);
            List<String> streamed = streamedObjects(pubsub);
            streams.objects(tenantId, connection.connectionId(), ChangeStreams.TOPIC, streamed);
            Instant lastHeard = clock.instant();
            boolean live = false;
            try {
                while (clock.instant().isBefore(end) && !stopping.getAsBoolean()) {
                    Object next = heard.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    Instant now = clock.instant();
                    if (next == null && !live) {
                        // Refused subscriptions fail at once; Salesforce's first word may be a keepalive minutes later.
                        streams.state(tenantId, connection.connectionId(), ChangeStreams.TOPIC, ChangeStreamStore.State.LIVE,
                                null, null, false, now);
                        metrics.streamLive(connection.connectionId(), streamed);
                        live = true;
                    }
                    if (next == null) {
                        if (Duration.between(lastHeard, now).compareTo(settings.streamWatchdog()) > 0) {
                            log.warn("Salesforce org {}: the change stream was silent for {} s; subscribing again",
                                    connection.orgId(), settings.streamWatchdog().toSeconds());
                            subscription.cancel();
                            metrics.streamDown(connection.connectionId());
                            subscription = subscribe(connection, pubsub, listener);
                            lastHeard = now;
                            live = false;
                        }
                        continue;
                    }
                    lastHeard = now;
                    if (next instanceof Batch batch) {
                        apply(round, gathered(batch, heard));
                        continue;
                    }
                    PubSubException failure = (PubSubException) next;
                    switch (failure.kind()) {
                        case AUTH -> {
                            Session refused = client.session();
                            client.sessionAfter(refused);
                            log.info("Salesforce org {}: the change stream's session expired; logged in again", connection.orgId());
                        }
                        case REPLAY_INVALID -> {
                            log.warn("Salesforce org {}: {}; a polling round catches up and the stream starts afresh",
                                    connection.orgId(), failure.getMessage());
                            streams.state(tenantId, connection.connectionId(), ChangeStreams.TOPIC,
                                    ChangeStreamStore.State.CONNECTING, "The stream's position had expired; a polling round "
                                            + "caught up", null, true, now);
                            rounds.syncNow(tenantId, connection.connectionId());
                        }
                        case LIMIT, NOT_FOUND -> {
                            return waiting(connection, streamingBarred(failure), STREAMING_BARRED,
                                    failure.kind() == PubSubException.Kind.NOT_FOUND);
                        }
                        default -> {
                            return waiting(connection, failure.getMessage(), RETRY, false);
                        }
                    }
                    metrics.streamDown(connection.connectionId());
                    subscription = subscribe(connection, pubsub, listener);
                    live = false;
                }
            } finally {
                metrics.streamDown(connection.connectionId());
                subscription.cancel();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (PubSubException e) {
            return waiting(connection, e.getMessage(), e.kind() == PubSubException.Kind.NOT_FOUND ? STREAMING_BARRED : RETRY,
                    e.kind() == PubSubException.Kind.NOT_FOUND);
        } catch (SalesforceException e) {
            if (e.disposition() == Disposition.NEEDS_RECONNECT) {
                // The refresh token is refused: the rounds say so on the connection, and nothing streams until a person
                // reconnects (which starts the stream again).
                connections.status(tenantId, connection.connectionId(), ConnectionStatus.NEEDS_RECONNECT, e.getMessage());
                return waiting(connection, e.getMessage(), RETRY.multipliedBy(60), false);
            }
            // Reading the changed records failed: the batch's replay id was not saved, so the next session reads that
            // batch again.
            return waiting(connection, e.getMessage(), RETRY, false);
        } catch (BudgetSpentException e) {
            // The events are not acknowledged (their replay id was not saved): they are read when the budget allows.
            return waiting(connection, e.getMessage(), SyncRunner.BUDGET_WAIT, false);
        } catch (RoundStoppedException e) {
            return clock.instant();
        } catch (RuntimeException e) {
            // Not left LIVE: the rounds read its objects until it stands again, from the same replay id.
            log.error("Salesforce org {}: the change stream stopped", connection.orgId(), e);
            return waiting(connection, "The change stream stopped inside Mosaic (" + e.getClass().getSimpleName()
                    + "); it starts again shortly, and polling covers it meanwhile", RETRY, false);
        }
        return clock.instant();
    }

    /**
     * Subscribes after the stored replay id; without one, at the oldest event Salesforce keeps (up to three days back).
     * A stream's first subscription so starts before the initial load began, and no change falls between the two:
     * events older than the load only make records be read again. After an expired position too (the polling round
     * it asked for catches up with what the retained events no longer hold), as Salesforce advises.
     */
    private PubSubClient.Subscription subscribe(SalesforceConnection connection, PubSubClient pubsub, ChangeListener listener) {
        String replayId = streams.find(connection.tenantId(), connection.connectionId(), ChangeStreams.TOPIC)
                .map(ChangeStreamStore.Stream::replayId).orElse(null);
        streams.state(connection.tenantId(), connection.connectionId(), ChangeStreams.TOPIC, ChangeStreamStore.State.CONNECTING,
                null, null, false, clock.instant());
        return pubsub.subscribe(ChangeStreams.TOPIC, replayId == null ? PubSubClient.Start.earliest()
                : PubSubClient.Start.after(ReplayId.fromBase64(replayId)), listener);
    }

    /** The objects Mosaic syncs that the org publishes change events for (each has a topic of its own then). */
    private static List<String> streamedObjects(PubSubClient pubsub) {
        List<String> objects = new ArrayList<>();
        for (SyncedObject object : SyncedObject.inRoundOrder()) {
            if (ChildLinks.Relation.ofChild(object).isPresent()) {
                continue;
            }
            try {
                if (pubsub.topic("/data/" + object.apiName() + "ChangeEvent").canSubscribe()) {
                    objects.add(object.apiName());
                }
            } catch (PubSubException e) {
                if (e.kind() != PubSubException.Kind.NOT_FOUND) {
                    throw e;
                }
            }
        }
        return objects;
    }

    /**
     * The batch with the batches that come behind it within {@link #GATHER} of its arrival (none for a keepalive), up to
     * {@link #MOST_APPLIED_AT_ONCE} events: each batch costs a query per object to read its records again, so changes
     * that come close together are read and written together, and the stream keeps up with a busy org on few API
     * calls. Past that limit a transaction whose first events are in goes on gathering its others (up to ten times the
     * limit), so that it is written whole when Salesforce delivered it in two batches. A failure heard meanwhile stays
     * first in line.
     */
    private static Batch gathered(Batch first, BlockingDeque<Object> heard) throws InterruptedException {
        long deadline = System.nanoTime() + (first.events().isEmpty() ? 0 : GATHER.toNanos());
        List<ChangeEvent> events = new ArrayList<>(first.events());
        ReplayId latest = first.latest();
        while (events.size() < MOST_GATHERED_FOR_ONE_TRANSACTION) {
            long left = deadline - System.nanoTime();
            Object more = left > 0 ? heard.pollFirst(left, TimeUnit.NANOSECONDS) : heard.pollFirst();
            if (more == null) {
                break;
            }
            if (!(more instanceof Batch batch) || events.size() + batch.events().size() > MOST_APPLIED_AT_ONCE
                    && !sameTransaction(events, batch.events())) {
                heard.putFirst(more);
                break;
            }
            events.addAll(batch.events());
            latest = batch.latest();
        }
        return new Batch(events, latest);
    }

    private static boolean sameTransaction(List<ChangeEvent> before, List<ChangeEvent> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return false;
        }
        String transaction = before.get(before.size() - 1).transactionKey();
        return transaction != null && transaction.equals(after.get(0).transactionKey());
    }

    private void apply(RoundContext round, Batch batch) {
        Instant at = clock.instant();
        Long lag = batch.events().isEmpty() ? null
                : Math.max(0, Duration.between(batch.events().get(batch.events().size() - 1).committedAt(), at).toMillis());
        StreamedChanges.Applied applied = changes.apply(round, batch.events(), () -> streams.reached(round.tenantId(),
                round.connectionId(), ChangeStreams.TOPIC, batch.latest().base64(), batch.events().size(), lag, at));
        metrics.streamed(round.connectionId(), batch.events().size(), lag);
        if (!applied.overflowed().isEmpty()) {
            log.info("Salesforce org {}: more changes than events for {}; a polling round reads them",
                    round.mapping().orgId(), applied.overflowed());
            rounds.syncNow(round.tenantId(), round.connectionId());
        }
    }

    private Instant waiting(SalesforceConnection connection, String why, Duration pause, boolean off) {
        Instant retryAt = clock.instant().plus(pause);
        streams.state(connection.tenantId(), connection.connectionId(), ChangeStreams.TOPIC,
                off ? ChangeStreamStore.State.OFF : ChangeStreamStore.State.WAITING, why, retryAt, false, clock.instant());
        return retryAt;
    }

    private static String streamingBarred(PubSubException failure) {
        return failure.kind() == PubSubException.Kind.LIMIT
                ? "The org's daily event delivery allocation is spent; polling alone until it allows more"
                : "The org publishes no change events for Mosaic's objects (Change Data Capture is not set up); polling alone";
    }
}
