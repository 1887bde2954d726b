package dev.mosaic.api;

import dev.mosaic.connection.SalesforceOrg;
import dev.mosaic.connection.SalesforceOrgs;
import dev.mosaic.tenant.TenantPrincipal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/connections/salesforce/orgs}: every org the workspace has connected, connected now or not, and
 * the purge of a disconnected org's records (asked for at disconnect, or here later), with how far it is.
 */
@RestController
@RequestMapping(SalesforceOrgController.PATH)
class SalesforceOrgController {

    static final String PATH = "/api/v1/connections/salesforce/orgs";

    private final SalesforceOrgs orgs;

    SalesforceOrgController(SalesforceOrgs orgs) {
        this.orgs = orgs;
    }

    /**
     * Every Salesforce org the workspace has connected, connected now or not, with the progress of any purge.
     */
    @GetMapping
    OrgList list(@AuthenticationPrincipal TenantPrincipal principal) {
        List<SalesforceOrg> items = orgs.list(principal.tenantId());
        return new OrgList(items, items.size());
    }

    /**
     * One org: whether it is connected, and the progress of its purge.
     */
    @GetMapping("/{orgId}")
    SalesforceOrg get(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String orgId) {
        return orgs.get(principal.tenantId(), orgId);
    }

    /** Purges the records a disconnected org left in the graph, in the background. */
    @PostMapping("/{orgId}/purge")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SalesforceOrg purge(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String orgId) {
        principal.requireAdmin("purge an org's records");
        return orgs.purge(principal.tenantId(), orgId, principal.email());
    }

    record OrgList(List<SalesforceOrg> items, int total) {
    }
}
