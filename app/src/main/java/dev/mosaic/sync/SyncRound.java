package dev.mosaic.sync;

import dev.mosaic.platform.database.DatabaseOutage;
import dev.mosaic.platform.database.DiskFullHealth;
import dev.mosaic.connection.ConnectionStatus;
import dev.mosaic.connection.SalesforceConnection;
import dev.mosaic.connection.SalesforceConnections;
import dev.mosaic.connection.SalesforceSettings;
import dev.mosaic.connection.SecretsUnreadableException;
import dev.mosaic.salesforce.client.CompositeAnswer;
import dev.mosaic.salesforce.client.Disposition;
import dev.mosaic.salesforce.client.QueryPage;
import dev.mosaic.salesforce.client.SalesforceClient;
import dev.mosaic.salesforce.client.SalesforceException;
import dev.mosaic.salesforce.client.Sleeper;
import dev.mosaic.sync.mapping.MappingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One round of one connection: every object in order, each from its own cursor. The first pages of the objects
 * that are up to date are asked for together, five queries per composite call, so a round with nothing new costs
 * one API call per five objects. An object that fails is reported on it and the round goes on with the others;
 * what concerns the whole connection (a refresh token Salesforce refused, the API budget spent) ends the round.
 */
@Component
class SyncRound {

    /** What a round came to. */
    enum Outcome { DONE, STOPPED, FAILED, NEEDS_RECONNECT, BUDGET_SPENT }

    private static final Logger log = LoggerFactory.getLogger(SyncRound.class);
    private static final int QUERIES_PER_COMPOSITE = 5;
    private static final String DEFAULT_CURRENCY = "USD";

    private final SalesforceConnections connections;
    private final DiskFullHealth diskHealth;
    private final ObjectSync objects;
    private final SyncStore store;
    private final SalesforceSettings settings;
    private final Sleeper sleeper;
    private final SyncMetrics metrics;
    private final ChangeStreamStore streams;
    private final Clock clock;

    SyncRound(SalesforceConnections connections, ObjectSync objects, SyncStore store, SalesforceSettings settings,
              Sleeper sleeper, SyncMetrics metrics, DiskFullHealth diskHealth, ChangeStreamStore streams, Clock clock) {
        this.connections = connections;
        this.streams = streams;
        this.diskHealth = diskHealth;
        this.objects = objects;
        this.store = store;
        this.settings = settings;
        this.sleeper = sleeper;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * What the connection's change stream carries as the round begins, of the objects already loaded (what a load writes
     * is no repair, even while the stream stands).
     */
    private Streamed streamedNow(SalesforceConnection connection) {
        Optional<ChangeStreamStore.Stream> stream = streams.delivering(connection.tenantId(), connection.connectionId(),
                ChangeStreams.TOPIC, clock.instant(), settings.streamWatchdog());
        if (stream.isEmpty()) {
            return Streamed.NOTHING;
        }
        Set<SyncedObject> objects = EnumSet.noneOf(SyncedObject.class);
        for (SyncedObject object : store.loaded(connection.tenantId(), connection.connectionId())) {
            if (stream.get().streams(object)) {
                objects.add(object);
            }
        }
        return new Streamed(objects, stream.get().deliveredUntil());
    }

    Outcome run(SalesforceConnection connection, BooleanSupplier stopping) {
        SalesforceClient client;
        try {
            client = connections.client(connection);
        } catch (SecretsUnreadableException e) {
            log.error("Salesforce org {} of tenant {}: {}", connection.orgId(), connection.tenantId(), e.getMessage());
            connections.status(connection.tenantId(), connection.connectionId(), ConnectionStatus.NEEDS_RECONNECT,
                    e.getMessage() + " Reconnect the org to store its secrets again.");
            return Outcome.NEEDS_RECONNECT;
        }
        ApiCalls api = new ApiCalls(client, settings, sleeper, metrics::apiCall);
        RoundContext round = new RoundContext(connection, api,
                new MappingContext(connection.orgId(), connection.instanceUrl(), DEFAULT_CURRENCY),
                Soql.millis(clock.instant()), stopping, streamedNow(connection));
        connections.status(connection.tenantId(), connection.connectionId(), ConnectionStatus.SYNCING, null);
        Outcome outcome = Outcome.DONE;
        String detail = null;
        try {
            Map<SyncedObject, ObjectSchema> schemas = new LinkedHashMap<>();
            Set<SyncedObject> leftToStream = round.streamed().objects().isEmpty() ? Set.of() : store.readSince(
                    round.tenantId(), round.connectionId(), clock.instant().minus(settings.safetyNetInterval()));
            for (SyncedObject object : SyncedObject.inRoundOrder()) {
                if (round.streamed().carries(object) && leftToStream.contains(object)) {
                    // Its changes stream in; rounds read it as the safety net only, or when asked.
                    continue;
                }
                available(round, object).ifPresent(schema -> schemas.put(object, schema));
            }
            startBulkJobs(round, schemas);
            Map<SyncedObject, CompositeAnswer> firstPages = pollTogether(round, schemas);
            for (Map.Entry<SyncedObject, ObjectSchema> entry : schemas.entrySet()) {
                if (stopping.getAsBoolean()) {
                    throw new RoundStoppedException();
                }
                if (syncObject(round, entry.getKey(), entry.getValue(), firstPages.get(entry.getKey()))) {
                    metrics.objectSynced(connection.connectionId(), entry.getKey(), round.roundEnd());
                } else {
                    outcome = Outcome.FAILED;
                }
            }
            if (outcome == Outcome.FAILED) {
                detail = "Some objects could not be synced; each shows its error. The next round tries them again.";
            }
        } catch (RoundStoppedException e) {
            outcome = Outcome.STOPPED;
        } catch (BudgetSpentException e) {
            outcome = Outcome.BUDGET_SPENT;
            detail = e.getMessage();
        } catch (SalesforceException e) {
            outcome = e.disposition() == Disposition.NEEDS_RECONNECT ? Outcome.NEEDS_RECONNECT
                    : e.disposition() == Disposition.RATE_LIMITED ? Outcome.BUDGET_SPENT : Outcome.FAILED;
            detail = plainWords(outcome, e);
        } catch (RuntimeException e) {
            outcome = Outcome.FAILED;
            Optional<DatabaseOutage> outage = diskHealth.outageOf(e);
            if (outage.isPresent()) {
                log.warn("Salesforce org {} of tenant {}: the round stopped, {}", connection.orgId(), connection.tenantId(),
                        outage.get());
                detail = "The round stopped: " + outage.get().reason() + ". The next round goes on from its last commit.";
            } else {
                log.error("Salesforce org {} of tenant {}: the round failed", connection.orgId(), connection.tenantId(), e);
                detail = "The round failed inside Mosaic (" + e.getClass().getSimpleName() + "); the next round tries again.";
            }
        }
        ConnectionStatus status = switch (outcome) {
            case DONE, STOPPED, BUDGET_SPENT -> ConnectionStatus.CONNECTED;
            case FAILED -> ConnectionStatus.ERROR;
            case NEEDS_RECONNECT -> ConnectionStatus.NEEDS_RECONNECT;
        };
        connections.status(connection.tenantId(), connection.connectionId(), status, detail);
        connections.roundEnded(connection.tenantId(), connection.connectionId(), outcome == Outcome.DONE, client.lastUsage());
        return outcome;
    }

    /** The object's fields, or empty when the org has no such object (or the user cannot see it). */
    private Optional<ObjectSchema> available(RoundContext round, SyncedObject object) {
        try {
            return Optional.of(objects.schema(round, object));
        } catch (SalesforceException e) {
            if (e.status() == 404 || "NOT_FOUND".equals(e.errorCode()) || "INVALID_TYPE".equals(e.errorCode())) {
                store.failed(round.tenantId(), round.connectionId(), object, object.apiName()
                        + " is not available to the connected user in this org, so it is not synced", clock.instant());
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Starts the Bulk job of every object whose initial load needs one, before any is read: Salesforce prepares
     * them all while Mosaic writes the first, instead of Mosaic waiting for each in turn. A job that cannot be
     * started is left to the object's own load, which falls back to REST.
     */
    private void startBulkJobs(RoundContext round, Map<SyncedObject, ObjectSchema> schemas) {
        schemas.forEach((object, schema) -> objects.awaitingBulkJob(round, object).ifPresent(cursor -> {
            try {
                objects.startBulkJob(round, object, schema, cursor);
            } catch (SalesforceException e) {
                if (e.disposition() == Disposition.NEEDS_RECONNECT || e.disposition() == Disposition.RATE_LIMITED) {
                    throw e;
                }
                log.info("Salesforce org {}, {}: starting its Bulk job failed ({}); its load tries again",
                        round.mapping().orgId(), object.apiName(), e.getMessage());
            }
        }));
    }

    /**
     * First pages of up-to-date objects, five queries per composite call. The calls are made at once: the round waits
     * for the slowest, not for all of them one after the other (three calls for the eleven objects).
     */
    private Map<SyncedObject, CompositeAnswer> pollTogether(RoundContext round, Map<SyncedObject, ObjectSchema> schemas) {
        List<SyncedObject> polled = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        SalesforceClient client = round.api().client();
        schemas.forEach((object, schema) -> objects.firstQuery(round, object, schema).ifPresent(soql -> {
            polled.add(object);
            paths.add(client.queryAllPath(soql));
        }));
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < paths.size(); from += QUERIES_PER_COMPOSITE) {
            batches.add(paths.subList(from, Math.min(paths.size(), from + QUERIES_PER_COMPOSITE)));
        }
        List<List<CompositeAnswer>> answered = askAll(round, batches);
        Map<SyncedObject, CompositeAnswer> answers = new LinkedHashMap<>();
        int first = 0;
        for (int batch = 0; batch < batches.size(); batch++) {
            List<CompositeAnswer> batchAnswers = answered.get(batch);
            for (int i = 0; batchAnswers != null && i < batchAnswers.size(); i++) {
                answers.put(polled.get(first + i), batchAnswers.get(i));
            }
            first += batches.get(batch).size();
        }
        return answers;
    }

    /** Each batch's answers, in order, or null for a batch that failed; the first is asked here, the others beside it. */
    private List<List<CompositeAnswer>> askAll(RoundContext round, List<List<String>> batches) {
        List<List<CompositeAnswer>> answered = new ArrayList<>();
        if (batches.isEmpty()) {
            return answered;
        }
        ExecutorService pollers = Executors.newFixedThreadPool(Math.max(1, batches.size() - 1), runnable -> {
            Thread thread = new Thread(runnable, "sync-poll");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<CompositeAnswer>>> others = new ArrayList<>();
            for (List<String> batch : batches.subList(1, batches.size())) {
                others.add(pollers.submit(() -> ask(round, batch)));
            }
            answered.add(ask(round, batches.get(0)));
            for (Future<List<CompositeAnswer>> other : others) {
                answered.add(await(other));
            }
            return answered;
        } finally {
            pollers.shutdownNow();
        }
    }

    /** One composite call, or null when it failed in a way its objects may get around by asking alone. */
    private List<CompositeAnswer> ask(RoundContext round, List<String> batch) {
        try {
            return round.api().call("poll " + batch.size() + " objects for changes",
                    () -> round.api().client().compositeGets(batch));
        } catch (SalesforceException e) {
            if (e.disposition() == Disposition.NEEDS_RECONNECT || e.disposition() == Disposition.RATE_LIMITED) {
                throw e;
            }
            // Each of these objects asks on its own instead, where a query timeout can halve its window.
            log.info("Salesforce org {}: polling {} objects together failed ({}); asking each alone",
                    round.mapping().orgId(), batch.size(), e.getMessage());
            return null;
        }
    }

    private static <T> T await(Future<T> answer) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RoundStoppedException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Syncs one object; a failure that concerns only it is recorded on it. Returns whether it succeeded. */
    private boolean syncObject(RoundContext round, SyncedObject object, ObjectSchema schema, CompositeAnswer polled) {
        try {
            // A failed subrequest is simply asked again on its own, where the usual retries apply.
            QueryPage firstPage = polled != null && polled.succeeded() ? QueryPage.fromJson(polled.body()) : null;
            objects.sync(round, object, schema, firstPage);
            return true;
        } catch (SalesforceException e) {
            if (e.disposition() == Disposition.NEEDS_RECONNECT || e.disposition() == Disposition.RATE_LIMITED) {
                throw e;
            }
            log.warn("Salesforce org {}, {}: {}", round.mapping().orgId(), object.apiName(), e.getMessage());
            store.failed(round.tenantId(), round.connectionId(), object, e.getMessage(), clock.instant());
            return false;
        }
    }

    private static String plainWords(Outcome outcome, SalesforceException e) {
        return switch (outcome) {
            case NEEDS_RECONNECT -> "Salesforce refused the refresh token (it was revoked or expired): reconnect with a "
                    + "new one. Syncing stops until then. (" + e.getMessage() + ")";
            case BUDGET_SPENT -> "The org's daily API limit is reached; syncing resumes when Salesforce allows calls "
                    + "again. (" + e.getMessage() + ")";
            default -> e.getMessage();
        };
    }
}
