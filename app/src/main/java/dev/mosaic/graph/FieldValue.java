package dev.mosaic.graph;

import java.time.Instant;

/**
 * One value of one field as one source record stated it: the unit of provenance.
 */
public record FieldValue(Object value, ExternalRef source, Instant observedAt) {
}
