package dev.mosaic.sync;

import java.util.UUID;

/**
 * The data of an org's purge: which org, and the connection just disconnected, whose last round must end first
 * (null when there is none).
 */
public record OrgPurgeRef(String tenantId, String orgId, UUID disconnected) {
}
