package dev.mosaic.sync;

import dev.mosaic.connection.SalesforceConnections;
import dev.mosaic.connection.SalesforceRefs;
import dev.mosaic.graph.EntityHandle;
import dev.mosaic.graph.ExternalRef;
import dev.mosaic.graph.GraphReader;
import dev.mosaic.graph.GraphWriter;
import dev.mosaic.graph.LinkInput;
import dev.mosaic.graph.SourceRecordInput;
import dev.mosaic.graph.UpsertResult;
import dev.mosaic.identity.MergeService;
import dev.mosaic.sync.mapping.SalesforceMapping;
import dev.mosaic.sync.mapping.UnmappableRecordException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a chunk of one object's rows and the cursor that covers them in one transaction: the records through the
 * graph's batch path, relation rows into {@link ChildLinks}, unmappable records into the quarantine, and
 * Salesforce's merges (a deleted loser naming its {@code MasterRecordId}) as merges of the graph.
 */
@Component
class ChunkWriter {

    private static final Logger log = LoggerFactory.getLogger(ChunkWriter.class);

    private final GraphWriter graph;
    private final GraphReader reader;
    private final MergeService merges;
    private final ChildLinks childLinks;
    private final EmailParticipants emailParticipants;
    private final SyncStore store;
    private final TransactionTemplate transaction;
    private final SyncMetrics metrics;
    private final SalesforceConnections connections;
    private final Clock clock;

    ChunkWriter(GraphWriter graph, GraphReader reader, MergeService merges, ChildLinks childLinks,
                EmailParticipants emailParticipants, SyncStore store, TransactionTemplate transaction, SyncMetrics metrics,
                SalesforceConnections connections, Clock clock) {
        this.connections = connections;
        this.emailParticipants = emailParticipants;
        this.graph = graph;
        this.reader = reader;
        this.merges = merges;
        this.childLinks = childLinks;
        this.store = store;
        this.transaction = transaction;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param cursor       where the object stands once this chunk is written
     * @param startedNanos when reading the chunk began, for the rate
     * @param skipDeleted  rows Salesforce deleted are left out (an initial load has nothing to delete)
     */
    void write(RoundContext round, SyncedObject object, List<SalesforceRow> rows, SyncCursor cursor, long startedNanos,
               boolean skipDeleted) {
        Optional<ChildLinks.Relation> relation = ChildLinks.Relation.ofChild(object);
        List<SalesforceRow> kept = skipDeleted ? live(rows) : rows;
        Written written = transaction.execute(status -> {
            Written records = Written.NONE;
            if (relation.isPresent()) {
                keepRelations(round, relation.get(), kept);
            } else {
                records = writeRecords(round, object, kept);
            }
            // Progress counts every row read, deleted and quarantined ones too, so an initial load ends at its total.
            store.saveCursor(round.tenantId(), round.connectionId(), object, cursor, rows.size(),
                    (System.nanoTime() - startedNanos) / 1_000_000, records.missedByStream());
            return records;
        });
        metrics.recordsWritten(object, written.accepted());
        metrics.repaired(object, written.missedByStream());
    }

    /** Records read again whole (not for a cursor): written, with no progress counted. */
    void writeAgain(RoundContext round, SyncedObject object, List<SalesforceRow> rows) {
        List<SalesforceRow> live = live(rows);
        metrics.recordsWritten(object, transaction.execute(status -> writeRecords(round, object, live)).accepted());
    }

    /**
     * Records a change stream named, read again whole (deleted ones too, so deletes and merges follow), written in one
     * transaction with {@code alsoCommit} (the stream's replay id), objects in round order.
     */
    void writeStreamed(RoundContext round, Map<SyncedObject, List<SalesforceRow>> rowsByObject, Runnable alsoCommit) {
        Map<SyncedObject, Integer> written = transaction.execute(status -> {
            if (!connections.holdConnected(round.tenantId(), round.connectionId())) {
                // Disconnected while the changes were read: they must not land after the disconnect, or its purge.
                throw new RoundStoppedException("The connection was disconnected");
            }
            Map<SyncedObject, Integer> counts = new LinkedHashMap<>();
            for (SyncedObject object : SyncedObject.inRoundOrder()) {
                List<SalesforceRow> rows = rowsByObject.get(object);
                if (rows != null && !rows.isEmpty()) {
                    counts.put(object, writeRecords(round, object, rows).accepted());
                }
            }
            alsoCommit.run();
            return counts;
        });
        written.forEach(metrics::recordsWritten);
    }

    /** Reads again records of the parent object a relation row changed, written with their links; ids taken off. */
    void writeRefreshed(RoundContext round, SyncedObject parent, List<SalesforceRow> rows, List<String> requested) {
        metrics.recordsWritten(parent, transaction.execute(status -> {
            int records = writeRecords(round, parent, rows).accepted();
            childLinks.refreshed(round.tenantId(), round.connectionId(), parent, requested);
            return records;
        }));
    }

    private static List<SalesforceRow> live(List<SalesforceRow> rows) {
        return rows.stream().filter(row -> !row.isDeleted()).toList();
    }

    private void keepRelations(RoundContext round, ChildLinks.Relation relation, List<SalesforceRow> rows) {
        // A parent that has written no record yet reads these links itself when it writes its records.
        childLinks.apply(round.tenantId(), round.connectionId(), relation, rows,
                store.hasWritten(round.tenantId(), round.connectionId(), relation.parent));
    }

    /**
     * How many records the graph took, and how many of them a round created or changed that the change stream carrying
     * their object should have brought already ({@link Streamed#shouldHaveBrought}): what the stream had missed.
     */
    private record Written(int accepted, int missedByStream) {
        static final Written NONE = new Written(0, 0);
    }

    /** Writes the records to the graph and quarantines those it cannot take. */
    private Written writeRecords(RoundContext round, SyncedObject object, List<SalesforceRow> read) {
        List<SalesforceRow> rows = withoutUnknownDeletes(round, object, read);
        Map<String, List<LinkInput>> extraLinks = ChildLinks.Relation.intoParent(object)
                .map(relation -> childLinks.linksOf(round.tenantId(), round.connectionId(), round.mapping().orgId(),
                        relation, rows.stream().map(SalesforceRow::id).toList()))
                .orElse(Map.of());
        if (object == SyncedObject.EMAIL_MESSAGE) {
            extraLinks = emailParticipants.linksOf(round.tenantId(), round.mapping().orgId(), live(rows));
        }
        List<SourceRecordInput> inputs = new ArrayList<>(rows.size());
        List<SalesforceRow> mappedRows = new ArrayList<>(rows.size());
        Map<String, String> unmappable = new LinkedHashMap<>();
        Map<String, Object> payloads = new HashMap<>();
        for (SalesforceRow row : rows) {
            try {
                inputs.add(SalesforceMapping.map(object, row, round.mapping(), extraLinks.getOrDefault(row.id(), List.of())));
                mappedRows.add(row);
            } catch (UnmappableRecordException e) {
                unmappable.put(String.valueOf(row.id()), e.getMessage());
                payloads.put(String.valueOf(row.id()), row.raw());
            }
        }
        List<UpsertResult> results = inputs.isEmpty() ? List.of() : graph.upsertAll(round.tenantId(), inputs);
        List<String> accepted = new ArrayList<>();
        boolean streamedObject = round.streamed().carries(object);
        int missed = 0;
        for (int i = 0; i < results.size(); i++) {
            SalesforceRow row = mappedRows.get(i);
            UpsertResult.Outcome outcome = results.get(i).outcome();
            if (outcome == UpsertResult.Outcome.REJECTED) {
                unmappable.put(row.id(), "the graph refused it: " + results.get(i).reason());
                payloads.put(row.id(), row.raw());
            } else {
                accepted.add(row.id());
                boolean changed = outcome != UpsertResult.Outcome.UNCHANGED;
                missed += changed && streamedObject && round.streamed().shouldHaveBrought(row.systemModstamp()) ? 1 : 0;
            }
        }
        store.quarantine(round.tenantId(), round.connectionId(), object, unmappable, payloads, clock.instant());
        store.release(round.tenantId(), round.connectionId(), object, accepted);
        followMerges(round, object, mappedRows);
        return new Written(accepted.size(), missed);
    }

    /**
     * A deleted record the graph never held is nothing to delete (a lookback reads deletes of records that never
     * reached it): left out, so the graph holds no tombstones of records it never showed.
     */
    private List<SalesforceRow> withoutUnknownDeletes(RoundContext round, SyncedObject object, List<SalesforceRow> rows) {
        List<ExternalRef> deleted = rows.stream().filter(SalesforceRow::isDeleted)
                .map(row -> SalesforceRefs.of(round.mapping().orgId(), object.apiName(), row.id())).toList();
        if (deleted.isEmpty()) {
            return rows;
        }
        Set<ExternalRef> known = reader.known(round.tenantId(), deleted);
        return rows.stream().filter(row -> !row.isDeleted()
                || known.contains(SalesforceRefs.of(round.mapping().orgId(), object.apiName(), row.id()))).toList();
    }

    /** A record Salesforce merged away is deleted naming its master: the graph merges the two entities too. */
    private void followMerges(RoundContext round, SyncedObject object, List<SalesforceRow> rows) {
        for (SalesforceRow row : rows) {
            String master = row.isDeleted() ? row.text("MasterRecordId") : null;
            if (master == null) {
                continue;
            }
            String orgId = round.mapping().orgId();
            Optional<EntityHandle> loser = reader.resolve(round.tenantId(), SalesforceRefs.of(orgId, object.apiName(), row.id()));
            Optional<EntityHandle> winner = reader.resolve(round.tenantId(), SalesforceRefs.of(orgId, object.apiName(), master));
            if (loser.isEmpty() || winner.isEmpty()) {
                continue;
            }
            if (!merges.mergeUnlessKeptApart(round.tenantId(), loser.get().entityId(), winner.get().entityId(),
                    "merged in Salesforce", Map.of("object", object.apiName(), "masterRecordId", master,
                            "mergedRecordId", row.id()), "salesforce")) {
                log.info("Salesforce merged {} {} into {}, but a person marked them as different in Mosaic; kept apart",
                        object.apiName(), row.id(), master);
            }
        }
    }
}
