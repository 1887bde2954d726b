package dev.mosaic.platform.jobs;

/**
 * Task instance ids of work that belongs to one tenant. The scheduler's table is shared by all tenants
 * (its primary key is db-scheduler's, not ours), so each instance id starts with its tenant id: the
 * rows of a tenant can still be found, and two tenants' jobs never share an id.
 */
public final class TenantTaskInstances {

    static final char SEPARATOR = '/';

    private TenantTaskInstances() {
    }

    /** {@code <tenantId>/<localId>}. */
    public static String id(String tenantId, String localId) {
        if (tenantId == null || tenantId.isBlank() || tenantId.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("A task instance needs a tenant id without '/', got '" + tenantId + "'");
        }
        if (localId == null || localId.isBlank()) {
            throw new IllegalArgumentException("A task instance of tenant " + tenantId + " needs an id of its own");
        }
        return tenantId + SEPARATOR + localId;
    }
}
