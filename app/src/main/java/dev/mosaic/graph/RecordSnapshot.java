package dev.mosaic.graph;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A source record's current values and the entity it belongs to.
 *
 * @param created  whether the chunk made the record, so nothing about it is stored yet
 * @param prepared what {@link RecordResolver#prepare} made of exactly these values, or null
 * @param links    the links its source states, when the chunk set them; null when they are as stored
 */
public record RecordSnapshot(UUID recordId, ExternalRef ref, EntityType type, UUID entityId, boolean deleted,
                             boolean created, Map<String, Object> values, Object prepared, List<LinkInput> links) {
}
