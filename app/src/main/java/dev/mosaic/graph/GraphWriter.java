package dev.mosaic.graph;

import dev.mosaic.platform.database.TenantWriteLock;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes what sources say into the graph, a chunk at a time, in a constant number of statements whatever
 * the chunk's size: one read of the records it names, one insert of new entities and one of new records,
 * one update of changed records, links and timeline entries in bulk, identity resolution for the chunk,
 * and golden values recomputed once per touched entity.
 *
 * <p>A chunk means exactly what writing its records one at a time, in order, would: the same record twice
 * is applied twice, in order. Callers hold the transaction (the sync commits its cursor with the chunk it
 * covers); the tenant's write lock is taken here, once per chunk, before any row is touched.
 */
@Service
public class GraphWriter {

    private static final Logger log = LoggerFactory.getLogger(GraphWriter.class);

    private final RecordStore records;
    private final EntityStore entities;
    private final GoldenRecords golden;
    private final Timeline timeline;
    private final RecordResolver resolver;
    private final GraphMerges merges;
    private final SourceRecordGuard guard;
    private final TenantWriteLock writeLock;
    private final GraphFigures figures;
    private final Clock clock;
    /** Per tenant, whether its last chunk named records already stored (a sync's rounds do; a first load does not). */
    private final Map<String, Boolean> namedStoredRecords = new ConcurrentHashMap<>();

    GraphWriter(RecordStore records, EntityStore entities, GoldenRecords golden, Timeline timeline, RecordResolver resolver,
                GraphMerges merges, SourceRecordGuard guard, TenantWriteLock writeLock, GraphFigures figures,
                Clock clock) {
        this.merges = merges;
        this.figures = figures;
        this.records = records;
        this.entities = entities;
        this.golden = golden;
        this.timeline = timeline;
        this.resolver = resolver;
        this.guard = guard;
        this.writeLock = writeLock;
        this.clock = clock;
    }

    /**
     * Creates or updates the records, resolves their identities and refreshes what their entities show.
     * Returns one result per input, in order. A record the graph cannot hold is refused alone, with its
     * reason; the rest of the chunk is written.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UpsertResult> upsertAll(String tenantId, List<SourceRecordInput> inputs) {
        long started = System.nanoTime();
        Instant checkedAt = clock.instant();
        // Read without the lock, so only a hint: a message that repeats what is stored needs little preparation. Asked
        // only while the tenant's last chunk named stored records: a bulk load of new ones would pay for it in vain.
        Map<ExternalRef, String> storedHashes = namedStoredRecords.getOrDefault(tenantId, true)
                ? records.contentHashes(tenantId, storableRefs(inputs)) : Map.of();
        List<PreparedRecord> prepared = inputs.parallelStream()
                .map(input -> PreparedRecord.of(input, guard, checkedAt, resolver, storedHashes.get(input.ref()))).toList();
        writeLock.lock(tenantId);
        long locked = System.nanoTime();
        // Stamped once the lock is held, so entities of a chunk that waited are not older than those of the chunk
        // it waited for: the older entity survives a merge.
        Instant now = clock.instant();
        PhaseTimer phases = new PhaseTimer(locked);
        Written written = write(tenantId, prepared, now, phases);
        inferLinks(tenantId, written, now);
        phases.end("inferred");
        if (log.isDebugEnabled()) {
            log.debug("Chunk of {} records for tenant {}: {} created, {} updated, {} merges; {} ms to prepare and wait for "
                    + "the lock, {} ms holding it ({})", inputs.size(), tenantId, written.created, written.updated,
                    written.resolution.survivorOf().size(), (locked - started) / 1_000_000,
                    (System.nanoTime() - locked) / 1_000_000, phases);
        }
        return written.fold.results(written.resolution);
    }

    /** Writes prepared messages under the tenant's lock: records, links, timeline, identities and golden values. */
    private Written write(String tenantId, List<PreparedRecord> prepared, Instant now, PhaseTimer phases) {
        ChunkFold fold = fold(tenantId, prepared, now);
        List<RecordWrite> changed = fold.writes.values().stream().filter(RecordWrite::changed).toList();
        List<RecordWrite> created = changed.stream().filter(RecordWrite::created).toList();
        List<RecordWrite> updated = changed.stream().filter(write -> !write.created()).toList();
        phases.end("read");

        createEntities(tenantId, created, fold.firstMessage, now);
        phases.end("entities");
        records.insertAll(tenantId, created);
        records.updateAll(tenantId, updated);
        phases.end("records");
        replaceLinks(tenantId, changed);
        phases.end("links");
        timeline.putRecordEntries(tenantId, created.stream().map(RecordWrite::record).toList(),
                updated.stream().map(RecordWrite::record).toList());
        phases.end("timeline");
        // What updated records change in entities that already were, as a source write: on their timelines.
        Map<UUID, RefreshCause> updateCauses = updateCauses(updated);
        Map<UUID, GoldenValues> recomputed = golden.compute(tenantId, updateCauses.keySet(), updateCauses::get);

        List<RecordSnapshot> snapshots = changed.stream().map(write -> snapshot(write, fold)).toList();
        RecordResolver.Resolution resolution = changed.isEmpty() ? RecordResolver.Resolution.NONE
                : resolver.resolve(tenantId, snapshots);
        phases.end("identity");
        Set<UUID> survivors = new HashSet<>(resolution.survivorOf().values());
        Map<UUID, GoldenValues> finalValues = new HashMap<>(recomputed);
        finalValues.keySet().removeAll(resolution.survivorOf().keySet());
        finalValues.keySet().removeAll(survivors);
        finalValues.putAll(golden.compute(tenantId, survivors, id -> RefreshCause.regrouping()));
        golden.save(tenantId, finalValues);
        if (!changed.isEmpty()) {
            figures.markChanged(tenantId);
        }
        phases.end("golden");
        return new Written(fold, snapshots, resolution, created.size(), updated.size());
    }

    /**
     * Adds what Mosaic infers from the chunk: the records it states itself that are missing (written like any
     * other, so an organization made for a domain joins the one that has it), and the inferred links.
     */
    private void inferLinks(String tenantId, Written written, Instant now) {
        RecordResolver.Inferences inferences = written.snapshots.isEmpty() ? RecordResolver.Inferences.NONE
                : resolver.infer(tenantId, written.snapshots);
        if (inferences.links().isEmpty()) {
            return;
        }
        Set<ExternalRef> refs = new LinkedHashSet<>();
        inferences.records().forEach(input -> refs.add(input.ref()));
        Set<ExternalRef> stored = refs.isEmpty() ? Set.of() : records.find(tenantId, refs).keySet();
        List<PreparedRecord> missing = inferences.records().stream().filter(input -> !stored.contains(input.ref()))
                .map(input -> PreparedRecord.of(input, guard, now, resolver, null)).toList();
        if (!missing.isEmpty()) {
            write(tenantId, missing, now, new PhaseTimer(System.nanoTime()));
        }
        Set<UUID> created = new HashSet<>();
        written.snapshots.stream().filter(RecordSnapshot::created).forEach(record -> created.add(record.recordId()));
        // The figures were marked changed by writing the chunk these links come from.
        records.replaceInferredLinks(tenantId,
                inferences.links().keySet().stream().filter(id -> !created.contains(id)).toList(), inferences.links());
    }

    /** What writing a chunk did. */
    private record Written(ChunkFold fold, List<RecordSnapshot> snapshots, RecordResolver.Resolution resolution,
                           int created, int updated) {
    }

    /** A chunk of one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UpsertResult upsert(String tenantId, SourceRecordInput input) {
        return upsertAll(tenantId, List.of(input)).get(0);
    }

    /**
     * A person's edit in Mosaic: kept as the entity's own "mosaic" record, which wins survivorship over
     * every sync. It stays with the entity it was made on, through merges and unmerges. An id that was
     * merged away edits the entity it is part of now. Returns the id of the entity edited.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID edit(String tenantId, UUID requestedId, Map<String, Object> fields, String editorEmail) {
        writeLock.lockInteractive(tenantId);
        EntityHandle entity = merges.current(tenantId, requestedId);
        ExternalRef ref = new ExternalRef(Survivorship.MOSAIC, Survivorship.EDIT, entity.entityId().toString());
        Instant now = clock.instant();
        SourceRecordInput input = new SourceRecordInput(entity.type(), ref, null, fields, List.of(), now, null, false);
        RecordWrite write = records.find(tenantId, ref)
                .map(stored -> RecordWrite.stored(stored).then(PreparedRecord.of(input, guard, now, resolver, null), now))
                .orElseGet(() -> RecordWrite.create(PreparedRecord.of(input, guard, now, resolver, null), now));
        // The edit record stays with the entity it was made on; after a merge that may be another entity.
        UUID owner = write.created() ? entity.entityId() : write.record().entityId();
        StoredRecord record = write.record();
        if (write.created()) {
            records.insertAll(tenantId, List.of(new RecordWrite(new StoredRecord(record.recordId(), ref, entity.type(), owner,
                    null, record.fields(), record.contentHash(), false, now, now, now, ""), write.fieldsJson(), List.of(),
                    true, true)));
        } else {
            records.updateAll(tenantId, List.of(write));
        }
        golden.refresh(tenantId, List.of(owner), RefreshCause.edit(now));
        figures.markChanged(tenantId);
        return owner;
    }

    private ChunkFold fold(String tenantId, List<PreparedRecord> prepared, Instant now) {
        ChunkFold fold = new ChunkFold(prepared.size());
        Set<ExternalRef> refs = new LinkedHashSet<>();
        for (int i = 0; i < prepared.size(); i++) {
            fold.rejections[i] = prepared.get(i).problem();
            if (fold.rejections[i] == null) {
                refs.add(prepared.get(i).input().ref());
            }
        }
        Map<ExternalRef, StoredRecord> stored = refs.isEmpty() ? Map.of() : records.find(tenantId, refs);
        namedStoredRecords.put(tenantId, !stored.isEmpty());
        for (int i = 0; i < prepared.size(); i++) {
            PreparedRecord message = prepared.get(i);
            if (message.problem() != null) {
                continue;
            }
            ExternalRef ref = message.input().ref();
            RecordWrite before = fold.writes.get(ref);
            if (before == null && stored.containsKey(ref)) {
                before = RecordWrite.stored(stored.get(ref));
            }
            RecordWrite after = before == null ? RecordWrite.create(message, now) : before.then(message, now);
            if (before == null) {
                fold.firstMessage.put(after, message);
            }
            fold.outcomes[i] = before == null ? UpsertResult.Outcome.CREATED
                    : after == before ? UpsertResult.Outcome.UNCHANGED : UpsertResult.Outcome.UPDATED;
            fold.refs[i] = ref;
            fold.writes.put(ref, after);
        }
        return fold;
    }

    /** The refs of these messages that could be stored: one the guard refuses (a NUL in it) names no record. */
    private static Set<ExternalRef> storableRefs(List<SourceRecordInput> inputs) {
        Set<ExternalRef> refs = new HashSet<>();
        for (SourceRecordInput input : inputs) {
            if (SourceRecordGuard.storable(input.ref())) {
                refs.add(input.ref());
            }
        }
        return refs;
    }

    /** New entities, each with its record's golden values: prepared already unless the chunk wrote the record twice. */
    private void createEntities(String tenantId, List<RecordWrite> created, Map<RecordWrite, PreparedRecord> firstMessage,
                                Instant now) {
        if (created.isEmpty()) {
            return;
        }
        Survivorship survivorship = golden.survivorship(tenantId);
        List<EntityStore.NewEntity> newEntities = new ArrayList<>();
        List<TimelineEvent> creations = new ArrayList<>();
        for (RecordWrite write : created) {
            StoredRecord record = write.record();
            PreparedRecord first = firstMessage.get(write);
            GoldenValues values = first == null ? null : first.firstGolden();
            if (values == null) {
                values = GoldenValues.of(record.type(), List.of(record), survivorship);
            }
            newEntities.add(new EntityStore.NewEntity(record.entityId(), record.type(), values));
            if (!Survivorship.isInferred(record.ref())) {
                // What Mosaic inferred happened at no moment of its own: nothing for the timeline.
                creations.addAll(FieldChanges.between(record.type(), record.entityId(), "{}", values,
                        Map.of(record.ref(), record.recordId()), RefreshCause.sourceWrite(record.observedAt())));
            }
        }
        entities.createAll(tenantId, newEntities, now);
        timeline.appendAll(tenantId, creations);
    }

    private void replaceLinks(String tenantId, List<RecordWrite> changed) {
        List<UUID> replaced = new ArrayList<>();
        Map<UUID, List<LinkInput>> links = new LinkedHashMap<>();
        for (RecordWrite write : changed) {
            if (write.links() == null) {
                continue;
            }
            if (!write.created()) {
                replaced.add(write.record().recordId());
            }
            if (!write.links().isEmpty()) {
                links.put(write.record().recordId(), write.links());
            }
        }
        records.replaceLinks(tenantId, replaced, links);
    }

    /** Per entity of an updated record: a source write at the time of its newest message in the chunk. */
    private static Map<UUID, RefreshCause> updateCauses(List<RecordWrite> updated) {
        Map<UUID, Instant> newest = new HashMap<>();
        for (RecordWrite write : updated) {
            newest.merge(write.record().entityId(), write.record().observedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<UUID, RefreshCause> causes = new HashMap<>();
        newest.forEach((entityId, at) -> causes.put(entityId, RefreshCause.sourceWrite(at)));
        return causes;
    }

    /** The record as it is now, with the resolver's preparation when the record still has the values it was made for. */
    private static RecordSnapshot snapshot(RecordWrite write, ChunkFold fold) {
        StoredRecord record = write.record();
        Map<String, Object> values = new LinkedHashMap<>();
        record.fields().forEach((field, value) -> values.put(field, value.value()));
        PreparedRecord first = fold.firstMessage.get(write);
        return new RecordSnapshot(record.recordId(), record.ref(), record.type(), record.entityId(), record.deleted(),
                write.created(), values,
                first == null ? null : first.resolverWork(), write.links());
    }

    /** Milliseconds per phase of a chunk, for the debug log. */
    private static final class PhaseTimer {
        private final StringBuilder phases = new StringBuilder();
        private long last;

        PhaseTimer(long start) {
            last = start;
        }

        void end(String phase) {
            long now = System.nanoTime();
            phases.append(phases.isEmpty() ? "" : ", ").append(phase).append(' ').append((now - last) / 1_000_000);
            last = now;
        }

        @Override
        public String toString() {
            return phases.toString();
        }
    }

    /** The chunk's records applied in memory, with what each input did. */
    private static final class ChunkFold {
        final Map<ExternalRef, RecordWrite> writes = new LinkedHashMap<>();
        /**
         * The message each new record was made from, by identity of the write: what was prepared from it (golden
         * values, the resolver's work) holds as long as no later message in the chunk changed the record.
         */
        final Map<RecordWrite, PreparedRecord> firstMessage = new IdentityHashMap<>();
        final String[] rejections;
        final UpsertResult.Outcome[] outcomes;
        final ExternalRef[] refs;

        ChunkFold(int size) {
            rejections = new String[size];
            outcomes = new UpsertResult.Outcome[size];
            refs = new ExternalRef[size];
        }

        List<UpsertResult> results(RecordResolver.Resolution resolution) {
            List<UpsertResult> results = new ArrayList<>(rejections.length);
            for (int i = 0; i < rejections.length; i++) {
                if (rejections[i] != null) {
                    results.add(UpsertResult.rejected(rejections[i]));
                    continue;
                }
                StoredRecord record = writes.get(refs[i]).record();
                boolean merged = outcomes[i] != UpsertResult.Outcome.UNCHANGED
                        && resolution.mergingRecords().contains(record.recordId());
                results.add(new UpsertResult(record.recordId(), resolution.current(record.entityId()), outcomes[i], merged,
                        null));
            }
            return results;
        }
    }
}
