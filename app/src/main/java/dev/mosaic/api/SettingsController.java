package dev.mosaic.api;

import dev.mosaic.graph.TrustedSources;
import dev.mosaic.platform.errors.InvalidInputException;
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

    private final TrustedSources trustedSources;

    SettingsController(TrustedSources trustedSources) {
        this.trustedSources = trustedSources;
    }

    /**
     * The trusted-source order: when sources disagree, the value of the first one listed wins.
     */
    @GetMapping("/api/v1/settings/trusted-sources")
    SourceList get(@AuthenticationPrincipal TenantPrincipal principal) {
        return new SourceList(trustedSources.get(principal.tenantId()));
    }

    /**
     * Sets the trusted-source order, most trusted first (admins only). Every entity's values are recomputed.
     */
    @PutMapping("/api/v1/settings/trusted-sources")
    SourceList set(@AuthenticationPrincipal TenantPrincipal principal, @RequestBody SourceList body) {
        principal.requireAdmin("change the trusted sources");
        if (body == null || body.sources() == null) {
            throw new InvalidInputException("Send {\"sources\":[\"salesforce\",\"hubspot\"]}, most trusted first");
        }
        trustedSources.set(principal.tenantId(), body.sources());
        return get(principal);
    }

    record SourceList(List<String> sources) {
    }
}
