package dev.mosaic.tenant;

import dev.mosaic.platform.errors.ForbiddenException;
import java.io.Serializable;
import java.util.UUID;

/**
 * Who is calling, and for which tenant: the explicit tenant context that every service call takes.
 * It is the authenticated principal of both the web session and API-token requests.
 */
public record TenantPrincipal(String tenantId, UUID userId, String email, Role role) implements Serializable {

    public enum Role { ADMIN, MEMBER }

    /** An admin manages the workspace: its integrations, people and settings. */
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** The operator, an admin of workspace {@code default}, also makes workspaces and reads the metrics of all. */
    public boolean isOperator() {
        return isAdmin() && TenantService.DEFAULT_TENANT.equals(tenantId);
    }

    /**
     * @param what the action, as in "Only a workspace admin may {@code what}"
     * @throws ForbiddenException unless this is an admin
     */
    public void requireAdmin(String what) {
        if (!isAdmin()) {
            throw new ForbiddenException("Only a workspace admin may " + what);
        }
    }
}
