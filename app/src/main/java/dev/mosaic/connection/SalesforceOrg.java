package dev.mosaic.connection;

import java.time.Instant;
import java.util.UUID;

/**
 * An org a tenant has connected at some time, and what became of its records since.
 *
 * @param connectionId the org's connection, or null when it is disconnected
 * @param purge        the purge of its records, when a person asked for one; null while they are kept
 */
public record SalesforceOrg(String orgId, Instant firstConnectedAt, UUID connectionId, Purge purge) {

    /**
     * @param finishedAt null while the purge runs
     */
    public record Purge(Instant requestedAt, String requestedBy, long recordsPurged, Instant finishedAt) {
    }
}
