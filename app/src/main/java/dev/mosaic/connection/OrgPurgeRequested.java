package dev.mosaic.connection;

import java.util.UUID;

/**
 * Published inside the transaction that asks for a disconnected org's records to be purged, so the purge is
 * scheduled if and only if the request commits.
 *
 * @param disconnected the connection just disconnected, whose round may still be writing; null when the org was
 *                     disconnected before
 */
public record OrgPurgeRequested(String tenantId, String orgId, UUID disconnected) {
}
