package dev.mosaic.identity;

import dev.mosaic.graph.EntityType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A merge that weak evidence suggests and a person decides. */
public record ReviewItem(UUID reviewId, EntityType type, UUID entityA, UUID entityB, String reason,
                         Map<String, Object> evidence, String status, Instant createdAt, String decidedBy,
                         Instant decidedAt) {
}
