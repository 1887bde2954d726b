package dev.mosaic.api;

import dev.mosaic.identity.MergeLineage;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** How a merge's lineage appears in the API. */
final class Merges {

    private Merges() {
    }

    record View(UUID mergeId, UUID survivorId, UUID mergedId, String reason, Map<String, Object> evidence,
                String mergedBy, Instant mergedAt, String unmergedBy, Instant unmergedAt) {
    }

    static View view(MergeLineage lineage) {
        return new View(lineage.mergeId(), lineage.survivorId(), lineage.mergedId(), lineage.reason(), lineage.evidence(),
                lineage.mergedBy(), lineage.mergedAt(), lineage.unmergedBy(), lineage.unmergedAt());
    }
}
