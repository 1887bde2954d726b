package dev.mosaic.graph;

import dev.mosaic.platform.errors.ConflictException;
import dev.mosaic.platform.errors.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves source records between entities: the data side of a merge and of its undoing, many at once. Deciding
 * whether to merge, and keeping the lineage, is identity resolution's job; this is the graph's only door
 * for it, so identity never reads the graph's tables.
 */
@Service
public class GraphMerges {

    private final RecordStore records;
    private final EntityStore entities;
    private final GoldenRecords golden;
    private final GraphFigures figures;
    private final Clock clock;

    GraphMerges(RecordStore records, EntityStore entities, GoldenRecords golden, GraphFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
        this.records = records;
        this.entities = entities;
        this.golden = golden;
    }

    /** What a merge moved, so that an unmerge can move exactly that back. */
    public record MergeMove(List<UUID> records, List<UUID> entities) {
    }

    /** Where a record is now: its live entity, and whether its source deleted it. */
    public record Placement(UUID recordId, UUID entityId, boolean deleted) {
    }

    /** The live entity an id stands for now: itself, or the entity it was merged into. */
    public EntityHandle current(String tenantId, UUID entityId) {
        return entities.current(tenantId, entityId)
                .orElseThrow(() -> new NotFoundException("There is no entity " + entityId));
    }

    /** Where each record is now, in one read. */
    public Map<UUID, Placement> placements(String tenantId, Collection<UUID> recordIds) {
        return records.placements(tenantId, recordIds);
    }

    /** When each of these entities was made: of two merged, the older survives. */
    public Map<UUID, Instant> createdAt(String tenantId, Collection<UUID> entityIds) {
        return entities.createdAt(tenantId, entityIds);
    }

    /**
     * The values of up to {@code limit} records of this type drawn at random among those their sources still say (not
     * Mosaic's own), by record: what identity estimates its matching model from.
     */
    public Map<UUID, Map<String, Object>> sampleValues(String tenantId, EntityType type, int limit) {
        return records.sampleValues(tenantId, type, limit);
    }

    /**
     * Where these records' sources say they work, by record: organization entity → the name it shows. Evidence that
     * two people are one, or two namesakes.
     */
    public Map<UUID, Map<UUID, String>> employersOf(String tenantId, Collection<UUID> recordIds) {
        return records.employersOf(tenantId, recordIds);
    }

    /** How many records of this type their sources still say. */
    public long countSaid(String tenantId, EntityType type) {
        return records.countSaid(tenantId, type);
    }

    /** The values these records hold, by record: what identity compares to tell whether two are one customer. */
    public Map<UUID, Map<String, Object>> valuesOf(String tenantId, Collection<UUID> recordIds) {
        return records.valuesOf(tenantId, recordIds);
    }

    /** Each live entity with the entities merged into it (itself first): who a person's "these differ" may name. */
    public Map<UUID, List<UUID>> clusters(String tenantId, Collection<UUID> liveIds) {
        return liveIds.isEmpty() ? Map.of() : entities.clusters(tenantId, liveIds);
    }

    /**
     * Moves each merged entity's records, and the entities merged into it before, to its survivor. Golden values
     * are not recomputed here: a chunk recomputes each survivor once, after all its merges.
     *
     * @param survivorOf live entity to merge away → live survivor
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<UUID, MergeMove> mergeAll(String tenantId, Map<UUID, UUID> survivorOf) {
        if (survivorOf.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<UUID>> movedRecords = records.moveAll(tenantId, survivorOf);
        Map<UUID, List<UUID>> movedEntities = entities.mergeInto(tenantId, survivorOf, clock.instant());
        figures.markChanged(tenantId);
        Map<UUID, MergeMove> moves = new LinkedHashMap<>();
        survivorOf.keySet().forEach(merged -> moves.put(merged,
                new MergeMove(List.copyOf(movedRecords.get(merged)), List.copyOf(movedEntities.get(merged)))));
        return moves;
    }

    /** Puts back what {@link #mergeAll} moved for one merged entity. Records that arrived later stay with the survivor. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void unmerge(String tenantId, UUID survivorId, UUID mergedId, MergeMove move) {
        live(tenantId, survivorId);
        EntityStore.EntityRow merged = entities.find(tenantId, mergedId)
                .orElseThrow(() -> new NotFoundException("There is no entity " + mergedId));
        if (!survivorId.equals(merged.mergedInto())) {
            throw new ConflictException("Entity " + mergedId + " is not merged into " + survivorId + " any more");
        }
        requireBothSidesLeft(tenantId, survivorId, move);
        Instant now = clock.instant();
        records.move(tenantId, move.records(), survivorId, mergedId);
        entities.setMergedInto(tenantId, List.of(mergedId), null, now);
        entities.setMergedInto(tenantId, move.entities().stream().filter(id -> !id.equals(mergedId)).toList(), mergedId, now);
        figures.markChanged(tenantId);
        refreshAfterRegrouping(tenantId, List.of(survivorId, mergedId));
    }

    /** Recomputes what entities show after records moved between them; a regrouping records no field changes. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refreshAfterRegrouping(String tenantId, Collection<UUID> entityIds) {
        golden.refresh(tenantId, entityIds, RefreshCause.regrouping());
    }

    /** An unmerge that would leave one side with no source's record (purged since the merge) has nothing to separate. */
    private void requireBothSidesLeft(String tenantId, UUID survivorId, MergeMove move) {
        Set<UUID> moving = Set.copyOf(move.records());
        List<StoredRecord> members = records.members(tenantId, List.of(survivorId)).get(survivorId).stream()
                .filter(record -> !Survivorship.MOSAIC.equals(record.ref().system())).toList();
        boolean mergedSideLeft = members.stream().anyMatch(record -> moving.contains(record.recordId()));
        boolean survivorSideLeft = members.stream().anyMatch(record -> !moving.contains(record.recordId()));
        if (!mergedSideLeft || !survivorSideLeft) {
            throw new ConflictException("Nothing is left to separate: the records of one side of this merge were purged "
                    + "with their source since.");
        }
    }

    private EntityStore.EntityRow live(String tenantId, UUID entityId) {
        EntityStore.EntityRow row = entities.find(tenantId, entityId)
                .orElseThrow(() -> new NotFoundException("There is no entity " + entityId));
        if (row.mergedInto() != null) {
            throw new ConflictException("Entity " + entityId + " was merged into " + row.mergedInto());
        }
        return row;
    }
}
