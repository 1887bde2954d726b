package dev.mosaic.api;

import dev.mosaic.platform.errors.ForbiddenException;
import dev.mosaic.tenant.TenantPrincipal;

/** What only a workspace's admins may do through the API: its settings, its integrations. */
final class AdminOnly {

    private AdminOnly() {
    }

    /** @param what the action, as in "Only a workspace admin may {@code what}" */
    static void require(TenantPrincipal principal, String what) {
        if (principal.role() != TenantPrincipal.Role.ADMIN) {
            throw new ForbiddenException("Only a workspace admin may " + what);
        }
    }
}
