package dev.mosaic.identity;

import dev.mosaic.graph.EntityType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What weak evidence suggests and a person decides: a merge of two entities of one type ({@code merge}), or that a
 * contact works at an organization ({@code works_at}, entity A the contact, B the organization).
 *
 * @param score how likely the two are one customer (0 to 1), for a scored merge; null for other suggestions
 */
public record ReviewItem(UUID reviewId, String kind, EntityType type, UUID entityA, UUID entityB, String reason,
                         Map<String, Object> evidence, Double score, String status, Instant createdAt, String decidedBy,
                         Instant decidedAt) {

    public static final String MERGE = "merge";
    public static final String WORKS_AT = "works_at";

    public boolean isMerge() {
        return MERGE.equals(kind);
    }
}
