package dev.mosaic.identity;

import dev.mosaic.graph.EntityType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who merged what, why, and what moved: enough to undo it. {@code unmergedAt} is null while the merge holds.
 */
public record MergeLineage(UUID mergeId, EntityType type, UUID survivorId, UUID mergedId, List<UUID> movedRecords,
                           List<UUID> movedEntities, String reason, Map<String, Object> evidence, String mergedBy,
                           Instant mergedAt, String unmergedBy, Instant unmergedAt) {
}
