package dev.mosaic.api;

import dev.mosaic.graph.SourcePriorities;
import dev.mosaic.tenant.TenantPrincipal;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/settings/trusted-sources}: the survivorship order of the tenant's sources. */
@RestController
class SettingsController {

    private final SourcePriorities priorities;

    SettingsController(SourcePriorities priorities) {
        this.priorities = priorities;
    }

    @GetMapping("/api/v1/settings/trusted-sources")
    TrustedSources get(@AuthenticationPrincipal TenantPrincipal principal) {
        return new TrustedSources(priorities.get(principal.tenantId()));
    }

    @PutMapping("/api/v1/settings/trusted-sources")
    TrustedSources set(@AuthenticationPrincipal TenantPrincipal principal, @RequestBody TrustedSources body) {
        if (body == null || body.sources() == null) {
            throw new IllegalArgumentException("Send {\"sources\":[\"salesforce\",\"hubspot\"]}, most trusted first");
        }
        priorities.set(principal.tenantId(), body.sources());
        return get(principal);
    }

    record TrustedSources(List<String> sources) {
    }
}
