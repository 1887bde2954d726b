package dev.mosaic.graph;

import java.util.UUID;

/**
 * What writing one source record did.
 *
 * @param entityId the entity the record belongs to after the chunk (after any merges it caused)
 * @param merged   identity resolution merged the record's entity with another because of this record
 * @param reason   why the record was refused; null unless {@link Outcome#REJECTED}
 */
public record UpsertResult(UUID recordId, UUID entityId, Outcome outcome, boolean merged, String reason) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    static UpsertResult rejected(String reason) {
        return new UpsertResult(null, null, Outcome.REJECTED, false, reason);
    }
}
