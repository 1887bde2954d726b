package dev.mosaic.tenant;

import dev.mosaic.platform.errors.ConflictException;
import dev.mosaic.platform.errors.ForbiddenException;
import dev.mosaic.platform.errors.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * New workspaces, made by the operator (an admin of workspace {@code default}): each starts with one admin, who signs
 * in with the first password given and adds the rest of its people. Workspaces see nothing of each other.
 */
@Service
public class Workspaces {

    private final TenantService tenants;
    private final UserService users;

    Workspaces(TenantService tenants, UserService users) {
        this.tenants = tenants;
        this.users = users;
    }

    public static boolean isOperator(TenantPrincipal principal) {
        return principal.isAdmin() && TenantService.DEFAULT_TENANT.equals(principal.tenantId());
    }

    /**
     * @throws ForbiddenException unless the operator asks
     * @throws ConflictException  when the id is taken
     */
    @Transactional
    public TenantPrincipal create(TenantPrincipal operator, String id, String name, String adminEmail, String adminPassword) {
        if (!operator.isOperator()) {
            throw new ForbiddenException("Only the operator (an admin of workspace default) may create workspaces");
        }
        String workspace = id == null ? "" : id.trim();
        TenantService.requireValidId(workspace);
        String shown = name == null || name.isBlank() ? workspace : name.trim();
        if (shown.length() > 200 || shown.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("A workspace name is 1 to 200 characters of text");
        }
        if (!tenants.create(workspace, shown)) {
            throw new ConflictException("Workspace " + workspace + " exists already");
        }
        return users.add(workspace, adminEmail, adminPassword, TenantPrincipal.Role.ADMIN);
    }
}
