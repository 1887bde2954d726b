package dev.mosaic.graph;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Decides, after a chunk of records is written, which entities are one customer, and merges them through
 * {@link GraphMerges}. Identity resolution implements it; the graph calls it in the same transaction,
 * holding the tenant's write lock, so a crash never leaves a record half-resolved.
 */
public interface RecordResolver {

    /**
     * The part of resolving a record that needs only its values (for identity, its matching keys), worked out
     * before the tenant's lock is taken, on every core. The graph hands it back in the record's snapshot when
     * the record still has exactly these values; null when there is nothing to prepare.
     */
    default Object prepare(EntityType type, Map<String, Object> values) {
        return null;
    }

    /**
     * @param written the chunk's records that changed, as they are now, in the order they were sent
     * @return what merged: golden values of the survivors are recomputed once, after this returns
     */
    Resolution resolve(String tenantId, List<RecordSnapshot> written);

    /**
     * The links Mosaic itself states for the chunk's records, such as a contact working at the organization of its
     * email's domain. Called after {@link #resolve}, so every record of the chunk is in place.
     *
     * @param written the chunk's records that changed, as they are now
     */
    default Inferences infer(String tenantId, List<RecordSnapshot> written) {
        return Inferences.NONE;
    }

    /**
     * Forgets what resolution kept of records that are gone for good, and of entities that are gone with them
     * (their merge history, the pairs people kept apart, review suggestions). Called in the purge's transaction.
     */
    void forget(String tenantId, Collection<UUID> recordIds, Collection<UUID> entityIds);

    /**
     * @param survivorOf    each entity merged away in this chunk → the entity it is part of now
     * @param mergingRecords the records whose keys caused a merge
     */
    record Resolution(Map<UUID, UUID> survivorOf, Set<UUID> mergingRecords) {

        public static final Resolution NONE = new Resolution(Map.of(), Set.of());

        public UUID current(UUID entityId) {
            return survivorOf.getOrDefault(entityId, entityId);
        }
    }

    /**
     * What Mosaic infers for a chunk.
     *
     * @param records records Mosaic states itself (an organization for an email domain), written when missing; one
     *                already stored stays as it is
     * @param links   for each record reconsidered, the inferred links it has from now on (replacing the ones it had),
     *                except those a person rejected
     */
    record Inferences(List<SourceRecordInput> records, Map<UUID, List<LinkInput>> links) {

        public static final Inferences NONE = new Inferences(List.of(), Map.of());
    }
}
