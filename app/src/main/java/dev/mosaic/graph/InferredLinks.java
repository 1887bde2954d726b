package dev.mosaic.graph;

import dev.mosaic.platform.database.TenantWriteLock;
import dev.mosaic.platform.errors.ConflictException;
import dev.mosaic.platform.errors.NotFoundException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The links Mosaic states itself rather than a source (a contact works at the organization of its email's domain):
 * what identity resolution reads to infer them, and a person's undoing of one. An undone link is never inferred
 * again; a source's own link cannot be undone here, only in that source.
 */
@Service
public class InferredLinks {

    private final RecordStore records;
    private final GraphMerges merges;
    private final GraphFigures figures;
    private final TenantWriteLock writeLock;
    private final Clock clock;

    InferredLinks(RecordStore records, GraphMerges merges, GraphFigures figures, TenantWriteLock writeLock, Clock clock) {
        this.records = records;
        this.merges = merges;
        this.figures = figures;
        this.writeLock = writeLock;
        this.clock = clock;
    }

    /** Of these records, the ones whose source states a link of this kind itself. */
    public Set<UUID> statingLink(String tenantId, Collection<UUID> recordIds, LinkKind kind) {
        return records.statingLink(tenantId, recordIds, kind);
    }

    /** Which source record each of these is. */
    public Map<UUID, ExternalRef> refsOf(String tenantId, Collection<UUID> recordIds) {
        return records.refsOf(tenantId, recordIds);
    }

    /**
     * Removes the inferred links of this kind from one entity to another, for good. Returns how many there were.
     *
     * @throws ConflictException when only a source says so: that source has to change it
     * @throws NotFoundException when nothing links them
     */
    @Transactional
    public int undo(String tenantId, UUID fromId, UUID toId, LinkKind kind, String by) {
        writeLock.lockInteractive(tenantId);
        UUID from = merges.current(tenantId, fromId).entityId();
        UUID to = merges.current(tenantId, toId).entityId();
        List<RecordStore.StoredLink> links = records.linksBetween(tenantId, from, to, kind);
        List<RecordStore.StoredLink> inferred = links.stream().filter(RecordStore.StoredLink::inferred).toList();
        if (inferred.isEmpty()) {
            if (!links.isEmpty()) {
                throw new ConflictException(links.get(0).saidBy().system() + " says so (record "
                        + links.get(0).saidBy().externalId() + "); change it there.");
            }
            throw new NotFoundException("Entity " + fromId + " has no " + kind.key() + " link to " + toId);
        }
        records.decide(tenantId, inferred.stream().map(link -> new RecordStore.LinkDecision(link.fromRecord(),
                new LinkInput(link.kind(), link.target(), link.attributes()), false)).toList(), by, clock.instant());
        figures.markChanged(tenantId);
        return inferred.size();
    }

    /**
     * A person's answer to a suggested link from a source record: accepted, it is added and kept whatever inference
     * says later (a source that then states the same link itself keeps it as its own); rejected, it is never inferred
     * or suggested again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void decide(String tenantId, UUID fromRecord, LinkInput link, boolean accepted, String by) {
        records.decide(tenantId, List.of(new RecordStore.LinkDecision(fromRecord, link, accepted)), by, clock.instant());
        figures.markChanged(tenantId);
    }
}
