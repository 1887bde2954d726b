package dev.mosaic.identity;

import dev.mosaic.platform.ids.TimeOrderedIds;
import dev.mosaic.graph.EntityHandle;
import dev.mosaic.graph.EntityType;
import dev.mosaic.graph.GraphMerges;
import dev.mosaic.graph.Timeline;
import dev.mosaic.graph.TimelineEvent;
import dev.mosaic.platform.database.TenantWriteLock;
import dev.mosaic.platform.errors.InvalidInputException;
import dev.mosaic.platform.errors.ConflictException;
import dev.mosaic.platform.errors.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
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

    /** One merge decided: which live entity survives, which is merged into it, why and by whom. */
    record Decision(EntityType type, UUID survivorId, UUID mergedId, String reason, Map<String, Object> evidence, String by) {
    }

    /** Merges the entities two ids stand for now; returns the lineage, or empty when they already are one. */
    @Transactional
    public Optional<MergeLineage> merge(String tenantId, UUID first, UUID second, String reason,
                                        Map<String, Object> evidence, String by) {
        MergeAttempt attempt = attempt(tenantId, first, second, reason, evidence, by);
        if (attempt.keptApart()) {
            throw new ConflictException("These two were marked as different people or companies (by an unmerge or a "
                    + "rejected suggestion), so they are not merged.");
        }
        return Optional.ofNullable(attempt.lineage());
    }

    /**
     * A merge a source made (Salesforce merged two records), inside the caller's transaction: when a person has
     * marked the two as different in Mosaic, they stay apart and the answer is empty, without failing the caller.
     *
     * @return whether the two are one entity now (merged, or already were)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean mergeUnlessKeptApart(String tenantId, UUID first, UUID second, String reason,
                                        Map<String, Object> evidence, String by) {
        return !attempt(tenantId, first, second, reason, evidence, by).keptApart();
    }

    /** @param lineage the merge made; null when the two already were one, or are kept apart */
    private record MergeAttempt(boolean keptApart, MergeLineage lineage) {
    }

    private MergeAttempt attempt(String tenantId, UUID first, UUID second, String reason, Map<String, Object> evidence,
                                 String by) {
        writeLock.lockInteractive(tenantId);
        EntityHandle a = graph.current(tenantId, first);
        EntityHandle b = graph.current(tenantId, second);
        if (a.entityId().equals(b.entityId())) {
            return new MergeAttempt(false, null);
        }
        if (a.type() != b.type()) {
            throw new InvalidInputException("A " + a.type().key() + " cannot be merged with a " + b.type().key());
        }
        Map<UUID, List<UUID>> clusters = graph.clusters(tenantId, List.of(a.entityId(), b.entityId()));
        if (differ(tenantId, clusters.get(a.entityId()), clusters.get(b.entityId()))) {
            return new MergeAttempt(true, null);
        }
        boolean aIsOlder = a.createdAt().isBefore(b.createdAt())
                || (a.createdAt().equals(b.createdAt()) && a.entityId().compareTo(b.entityId()) < 0);
        EntityHandle survivor = aIsOlder ? a : b;
        EntityHandle merged = aIsOlder ? b : a;
        Map<UUID, UUID> clusterOf = new HashMap<>();
        clusters.values().forEach(ids -> ids.forEach(id -> clusterOf.put(id, survivor.entityId())));
        List<MergeLineage> lineages = applyAll(tenantId,
                List.of(new Decision(survivor.type(), survivor.entityId(), merged.entityId(), reason, evidence, by)),
                clusterOf, clock.instant());
        graph.refreshAfterRegrouping(tenantId, List.of(survivor.entityId()));
        return new MergeAttempt(false, lineages.get(0));
    }

    /**
     * Moves the records of every decided merge in bulk and keeps each one's lineage, a "merged" timeline entry,
     * and the review suggestions it settled. The survivors' golden values are the caller's to recompute.
     *
     * @param clusterOf every entity of the grown clusters → its survivor
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<MergeLineage> applyAll(String tenantId, List<Decision> decisions, Map<UUID, UUID> clusterOf, Instant now) {
        if (decisions.isEmpty()) {
            return List.of();
        }
        Map<UUID, UUID> survivorOf = new LinkedHashMap<>();
        decisions.forEach(decision -> survivorOf.put(decision.mergedId(), decision.survivorId()));
        Map<UUID, GraphMerges.MergeMove> moves = graph.mergeAll(tenantId, survivorOf);
        List<MergeLineage> lineages = new ArrayList<>();
        List<TimelineEvent> events = new ArrayList<>();
        for (Decision decision : decisions) {
            GraphMerges.MergeMove move = moves.get(decision.mergedId());
            MergeLineage lineage = new MergeLineage(TimeOrderedIds.next(), decision.type(), decision.survivorId(),
                    decision.mergedId(), move.records(), move.entities(), decision.reason(), decision.evidence(),
                    decision.by(), now, null, null);
            lineages.add(lineage);
            events.add(new TimelineEvent(TimeOrderedIds.next(), now, "merged", null, decision.survivorId(),
                    "Merged: " + decision.reason(), detail(lineage)));
        }
        store.insertLineages(tenantId, lineages);
        store.obsoleteSuggestionsWithin(tenantId, clusterOf);
        timeline.appendAll(tenantId, events);
        return lineages;
    }

    /**
     * Undoes a merge. {@code entityId} may be the survivor (its newest merge is undone unless {@code mergeId}
     * names another) or the merged entity (the merge that absorbed it is undone).
     */
    @Transactional
    public MergeLineage unmerge(String tenantId, UUID entityId, UUID mergeId, String by) {
        writeLock.lockInteractive(tenantId);
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
        List<TimelineEvent> events = new ArrayList<>();
        for (UUID side : List.of(lineage.survivorId(), lineage.mergedId())) {
            events.add(new TimelineEvent(TimeOrderedIds.next(), now, "unmerged", null, side,
                    "Unmerged by " + by + " (was: " + lineage.reason() + ")", detail));
        }
        timeline.appendAll(tenantId, events);
        return store.lineage(tenantId, lineage.mergeId())
                .orElseThrow(() -> new IllegalStateException("Merge " + lineage.mergeId() + " vanished while it was undone"));
    }

    /** Every merge the entity took part in, newest first, undone ones included. */
    public List<MergeLineage> history(String tenantId, UUID entityId) {
        return store.history(tenantId, entityId);
    }

    /** True when a person said some entity of one cluster differs from some entity of the other. */
    private boolean differ(String tenantId, List<UUID> clusterA, List<UUID> clusterB) {
        Set<UUID> all = new HashSet<>(clusterA);
        all.addAll(clusterB);
        for (UUID[] block : store.blocksAmong(tenantId, all)) {
            if ((clusterA.contains(block[0]) && clusterB.contains(block[1]))
                    || (clusterB.contains(block[0]) && clusterA.contains(block[1]))) {
                return true;
            }
        }
        return false;
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
