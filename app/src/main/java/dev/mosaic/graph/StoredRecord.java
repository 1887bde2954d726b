package dev.mosaic.graph;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A source record as kept: its fields each with the time they were last observed.
 *
 * @param contentHash the fingerprint of the last message applied, so the same message again is recognised at once
 * @param observedAt  the time of the newest message applied: an older one arriving late changes only the
 *                    fields it is newer for, never the links, the url or whether the record is deleted
 * @param linksHash   the fingerprint of the record's links, so a write knows whether they changed without reading them
 */
record StoredRecord(UUID recordId, ExternalRef ref, EntityType type, UUID entityId, String url,
                    Map<String, FieldValue> fields, String contentHash, boolean deleted,
                    Instant firstSeenAt, Instant lastSeenAt, Instant observedAt, String linksHash) {
}
