package dev.mosaic.graph;

import java.time.Instant;
import java.util.UUID;

/** A live entity's id and kind. */
public record EntityHandle(UUID entityId, EntityType type, Instant createdAt) {
}
