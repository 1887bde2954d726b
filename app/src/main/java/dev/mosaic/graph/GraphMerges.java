package dev.mosaic.graph;

import dev.mosaic.platform.errors.BadRequestException;
import dev.mosaic.platform.errors.ConflictException;
import dev.mosaic.platform.errors.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Moves source records between entities: the data side of a merge and of its undoing. Deciding whether
 * to merge, and keeping the lineage, is identity resolution's job.
 */
@Service
public class GraphMerges {

    private final RecordStore records;
    private final EntityStore entities;
    private final GoldenRecords golden;
    private final Clock clock;

    GraphMerges(RecordStore records, EntityStore entities, GoldenRecords golden, Clock clock) {
        this.clock = clock;
        this.records = records;
        this.entities = entities;
        this.golden = golden;
    }

    /** What a merge moved, so that an unmerge can move exactly that back. */
    public record MergeMove(List<UUID> records, List<UUID> entities) {
    }

    /** The live entity an id stands for now: itself, or the entity it was merged into. */
    public EntityHandle current(String tenantId, UUID entityId) {
        EntityStore.EntityRow row = entities.find(tenantId, entityId)
                .orElseThrow(() -> new NotFoundException("There is no entity " + entityId));
        if (row.mergedInto() != null) {
            row = entities.find(tenantId, row.mergedInto()).orElseThrow();
        }
        return new EntityHandle(row.entityId(), row.type(), row.createdAt());
    }

    public MergeMove merge(String tenantId, UUID survivorId, UUID mergedId) {
        entities.lock(tenantId, survivorId, mergedId);
        EntityStore.EntityRow survivor = live(tenantId, survivorId);
        EntityStore.EntityRow merged = live(tenantId, mergedId);
        if (survivor.type() != merged.type()) {
            throw new BadRequestException("A " + survivor.type().key() + " cannot be merged with a " + merged.type().key());
        }
        if (survivorId.equals(mergedId)) {
            throw new BadRequestException("An entity cannot be merged with itself");
        }
        List<UUID> movedEntities = new ArrayList<>();
        movedEntities.add(mergedId);
        movedEntities.addAll(entities.mergedInto(tenantId, mergedId));
        List<UUID> movedRecords = records.moveAll(tenantId, mergedId, survivorId);
        entities.setMergedInto(tenantId, movedEntities, survivorId, clock.instant());
        golden.refresh(tenantId, survivorId, RefreshCause.regrouping());
        return new MergeMove(List.copyOf(movedRecords), List.copyOf(movedEntities));
    }

    /** Puts back what {@link #merge} moved. Records that arrived later stay with the survivor. */
    public void unmerge(String tenantId, UUID survivorId, UUID mergedId, MergeMove move) {
        entities.lock(tenantId, survivorId, mergedId);
        live(tenantId, survivorId);
        EntityStore.EntityRow merged = entities.find(tenantId, mergedId).orElseThrow();
        if (!survivorId.equals(merged.mergedInto())) {
            throw new ConflictException("Entity " + mergedId + " is not merged into " + survivorId + " any more");
        }
        records.move(tenantId, move.records(), survivorId, mergedId);
        entities.setMergedInto(tenantId, List.of(mergedId), null, clock.instant());
        entities.setMergedInto(tenantId, move.entities().stream().filter(id -> !id.equals(mergedId)).toList(),
                mergedId, clock.instant());
        golden.refresh(tenantId, survivorId, RefreshCause.regrouping());
        golden.refresh(tenantId, mergedId, RefreshCause.regrouping());
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
