package dev.mosaic.tenant;

import java.io.Serializable;
import java.util.UUID;

/**
 * Who is calling, and for which tenant: the explicit tenant context that every service call takes.
 * It is the authenticated principal of both the web session and API-token requests.
 */
public record TenantPrincipal(String tenantId, UUID userId, String email, Role role) implements Serializable {

    public enum Role { ADMIN, MEMBER }
}
