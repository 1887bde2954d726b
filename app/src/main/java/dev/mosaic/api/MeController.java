package dev.mosaic.api;

import dev.mosaic.tenant.TenantPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: who the token belongs to. The first call a script makes to check its token. */
@RestController
class MeController {

    /**
     * Who the token belongs to: the workspace, the user's email and role.
     */
    @GetMapping("/api/v1/me")
    Me me(@AuthenticationPrincipal TenantPrincipal principal) {
        return new Me(principal.tenantId(), principal.email(), principal.role().name());
    }

    record Me(String tenant, String email, String role) {
    }
}
