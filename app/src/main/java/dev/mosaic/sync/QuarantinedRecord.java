package dev.mosaic.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A record the sync could not map: why, and what Salesforce sent. */
public record QuarantinedRecord(String object, String recordId, String reason, JsonNode payload, Instant quarantinedAt) {
}
