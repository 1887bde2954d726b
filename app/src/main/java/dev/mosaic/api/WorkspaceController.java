package dev.mosaic.api;

import dev.mosaic.tenant.TenantPrincipal;
import dev.mosaic.tenant.Workspaces;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/admin/workspaces}: the operator makes a workspace with its first admin. */
@RestController
class WorkspaceController {

    private final Workspaces workspaces;

    WorkspaceController(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    /**
     * Creates a workspace with its first admin (operators only: admins of workspace {@code default}). The admin's
     * password and API token are answered once.
     */
    @PostMapping("/api/v1/admin/workspaces")
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@AuthenticationPrincipal TenantPrincipal principal, @RequestBody NewWorkspace body) {
        TenantPrincipal admin = workspaces.create(principal, body.id(), body.name(), body.adminEmail(), body.adminPassword());
        return new Created(admin.tenantId(), admin.email());
    }

    /** @param adminPassword the first admin's first password, at least 10 characters; never shown again */
    record NewWorkspace(String id, String name, String adminEmail, String adminPassword) {

        @Override
        public String toString() {
            return "NewWorkspace[id=" + id + ", name=" + name + ", adminEmail=" + adminEmail + ", adminPassword=***]";
        }
    }

    record Created(String id, String adminEmail) {
    }
}
