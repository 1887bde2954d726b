package dev.mosaic.graph;

import java.util.UUID;

/** What writing one source record did. */
public record UpsertResult(UUID recordId, UUID entityId, Outcome outcome) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED }
}
