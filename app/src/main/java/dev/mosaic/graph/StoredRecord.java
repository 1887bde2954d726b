package dev.mosaic.graph;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A source record as kept: its fields each with the time they were last observed. */
record StoredRecord(UUID recordId, ExternalRef ref, EntityType type, UUID entityId, String url,
                    Map<String, FieldValue> fields, String contentHash, boolean deleted,
                    Instant firstSeenAt, Instant lastSeenAt) {
}
