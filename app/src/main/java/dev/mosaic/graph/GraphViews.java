package dev.mosaic.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the graph shows of its entities; records, no behaviour. */
public final class GraphViews {

    private GraphViews() {
    }

    /** An entity in a list. */
    public record Summary(UUID id, EntityType type, String name, Instant updatedAt) {
    }

    /** An entity with every field (winner, source, alternatives), its external ids and its relations. */
    public record Detail(UUID id, EntityType type, String name, boolean deleted, JsonNode fields,
                         List<ExternalId> externalIds, List<Relation> relations, List<UUID> mergedIds,
                         Instant createdAt, Instant updatedAt) {
    }

    /** One external id the entity is known by, with its deep link and when that source last spoke. */
    public record ExternalId(String system, String object, String id, String url, boolean deleted, Instant lastSeenAt) {
    }

    /**
     * A relation to another entity. {@code direction} is "out" when this entity's record states it (a
     * contact works at an organization) and "in" when the other's does (an organization's contacts).
     */
    public record Relation(String kind, String direction, UUID id, EntityType type, String name,
                           Map<String, Object> attributes) {
    }

    /** A timeline entry as the API shows it. */
    public record TimelineItem(UUID id, Instant occurredAt, String kind, String summary, Map<String, Object> detail,
                               ExternalId source) {
    }
}
