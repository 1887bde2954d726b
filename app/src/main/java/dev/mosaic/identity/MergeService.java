package dev.mosaic.identity;

import dev.mosaic.platform.errors.ConflictException;
import dev.mosaic.graph.EntityHandle;
import dev.mosaic.graph.GraphMerges;
import dev.mosaic.platform.errors.NotFoundException;
import dev.mosaic.graph.Timeline;
import dev.mosaic.graph.TimelineEvent;
import dev.mosaic.platform.database.TenantWriteLock;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges and unmerges with lineage. The older entity survives, so ids people already use keep working;
 * the merged id still resolves to the survivor. An unmerge puts back exactly what the merge moved, and
 * remembers that a person said the two differ, so no later sync merges them again.
 */
@Service
public class MergeService {

    private final GraphMerges graph;
    private final TenantWriteLock writeLock;
    private final IdentityStore store;
    private final Timeline timeline;
    private final Clock clock;

    MergeService(GraphMerges graph, TenantWriteLock writeLock, IdentityStore store, Timeline timeline, Clock clock) {
        this.graph = graph;
        this.writeLock = writeLock;
        this.store = store;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** Merges the entities two ids stand for now; returns the lineage, or empty when they already are one. */
    @Transactional
    public Optional<MergeLineage> merge(String tenantId, UUID first, UUID second, String reason,
                                        Map<String, Object> evidence, String by) {
        writeLock.lock(tenantId);
        EntityHandle a = graph.current(tenantId, first);
        EntityHandle b = graph.current(tenantId, second);
        if (a.entityId().equals(b.entityId())) {
            return Optional.empty();
        }
        if (store.blocked(tenantId, a.entityId(), b.entityId())) {
            throw new ConflictException("These two were marked as different people or companies (by an unmerge or a "
                    + "rejected suggestion), so they are not merged.");
        }
        boolean aIsOlder = a.createdAt().isBefore(b.createdAt())
                || (a.createdAt().equals(b.createdAt()) && a.entityId().compareTo(b.entityId()) < 0);
        EntityHandle survivor = aIsOlder ? a : b;
        EntityHandle merged = aIsOlder ? b : a;
        GraphMerges.MergeMove move = graph.merge(tenantId, survivor.entityId(), merged.entityId());
        Instant now = clock.instant();
        MergeLineage lineage = new MergeLineage(UUID.randomUUID(), survivor.type(), survivor.entityId(),
                merged.entityId(), move.records(), move.entities(), reason, evidence, by, now, null, null);
        store.insertLineage(tenantId, lineage);
        store.obsoleteSuggestionsWithin(tenantId, survivor.entityId());
        timeline.append(tenantId, new TimelineEvent(UUID.randomUUID(), now, "merged", null, survivor.entityId(),
                "Merged: " + reason, detail(lineage)));
        return Optional.of(lineage);
    }

    /**
     * Undoes a merge. {@code entityId} may be the survivor (its newest merge is undone unless {@code mergeId}
     * names another) or the merged entity (the merge that absorbed it is undone).
     */
    @Transactional
    public MergeLineage unmerge(String tenantId, UUID entityId, UUID mergeId, String by) {
        writeLock.lock(tenantId);
        MergeLineage lineage = mergeId != null
                ? store.lineage(tenantId, mergeId).filter(l -> l.unmergedAt() == null)
                    .filter(l -> l.survivorId().equals(entityId) || l.mergedId().equals(entityId))
                    .orElseThrow(() -> new NotFoundException("No merge " + mergeId + " in force for " + entityId))
                : store.latestActive(tenantId, entityId, true)
                    .or(() -> store.latestActive(tenantId, entityId, false))
                    .orElseThrow(() -> new NotFoundException("Entity " + entityId + " has no merge to undo"));
        if (!graph.current(tenantId, lineage.survivorId()).entityId().equals(lineage.survivorId())) {
            throw new ConflictException("The survivor of this merge was itself merged later; undo that merge first.");
        }
        graph.unmerge(tenantId, lineage.survivorId(), lineage.mergedId(),
                new GraphMerges.MergeMove(lineage.movedRecords(), lineage.movedEntities()));
        Instant now = clock.instant();
        store.markUnmerged(tenantId, lineage.mergeId(), by, now);
        store.block(tenantId, lineage.survivorId(), lineage.mergedId(), "unmerged by " + by, now);
        Map<String, Object> detail = detail(lineage);
        detail.put("unmergedBy", by);
        for (UUID side : List.of(lineage.survivorId(), lineage.mergedId())) {
            timeline.append(tenantId, new TimelineEvent(UUID.randomUUID(), now, "unmerged", null, side,
                    "Unmerged by " + by + " (was: " + lineage.reason() + ")", detail));
        }
        return store.lineage(tenantId, lineage.mergeId()).orElseThrow();
    }

    /** Every merge the entity took part in, newest first, undone ones included. */
    public List<MergeLineage> history(String tenantId, UUID entityId) {
        return store.history(tenantId, entityId);
    }

    private static Map<String, Object> detail(MergeLineage lineage) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("mergeId", lineage.mergeId().toString());
        detail.put("survivorId", lineage.survivorId().toString());
        detail.put("mergedId", lineage.mergedId().toString());
        detail.put("reason", lineage.reason());
        detail.put("evidence", lineage.evidence());
        detail.put("by", lineage.mergedBy());
        return detail;
    }
}
