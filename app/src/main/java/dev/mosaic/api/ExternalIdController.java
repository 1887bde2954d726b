package dev.mosaic.api;

import dev.mosaic.connection.SalesforceRecords;
import dev.mosaic.connection.SalesforceRefs;
import dev.mosaic.graph.EntityHandle;
import dev.mosaic.graph.ExternalRef;
import dev.mosaic.graph.GraphReader;
import dev.mosaic.platform.errors.NotFoundException;
import dev.mosaic.tenant.TenantPrincipal;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which entity a source's record belongs to now: {@code GET /api/v1/external/{system}/{object}/{id}} with
 * the id percent-encoded as one path segment ({@code team%2F42}, {@code 50%25}, {@code %2E%2E}; see
 * {@link ExternalIdPaths}), or {@code GET /api/v1/external/{system}/{object}?id=…}, which takes any id.
 */
@RestController
class ExternalIdController {

    /** As long as the longest id a source may send, and the longest system or object name. */
    private static final int MAX_PART_LENGTH = 255;

    private final GraphReader graph;
    private final SalesforceRecords salesforce;

    ExternalIdController(GraphReader graph, SalesforceRecords salesforce) {
        this.graph = graph;
        this.salesforce = salesforce;
    }

    /**
     * Finds the entity a source record belongs to now, by its source, object and id in that source: what a link from
     * another system can name without knowing Mosaic's ids.
     *
     * @param org for Salesforce records: the org to look in, when several connected orgs share record ids
     */
    @GetMapping(ExternalIdPaths.PATH_FORM)
    Resolved resolveInPath(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String system,
                           @PathVariable String object, @PathVariable String id, @RequestParam(required = false) String org) {
        return resolve(principal, system, object, id, org);
    }

    /**
     * Finds the entity a source record belongs to now, for ids that cannot sit in a path: {@code ?id=<external id>}.
     *
     * @param org for Salesforce records: the org to look in, when several connected orgs share record ids
     */
    @GetMapping(ExternalIdPaths.QUERY_FORM)
    Resolved resolveInQuery(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String system,
                            @PathVariable String object, @RequestParam String id, @RequestParam(required = false) String org) {
        return resolve(principal, system, object, id, org);
    }

    private Resolved resolve(TenantPrincipal principal, String system, String object, String id, String org) {
        if (SalesforceRefs.SYSTEM.equals(system)) {
            // Salesforce records carry their org in their graph id; the caller names the record as Salesforce does.
            EntityHandle entity = salesforce.resolve(principal.tenantId(),
                    InvalidValueException.requireStorableParameter("object", object, MAX_PART_LENGTH),
                    InvalidValueException.requireStorableParameter("id", id, MAX_PART_LENGTH),
                    org == null ? null : InvalidValueException.requireStorableParameter("org", org, MAX_PART_LENGTH));
            return new Resolved(entity.type().key(), entity.entityId());
        }
        ExternalRef ref = new ExternalRef(
                InvalidValueException.requireStorableParameter("system", system, MAX_PART_LENGTH),
                InvalidValueException.requireStorableParameter("object", object, MAX_PART_LENGTH),
                InvalidValueException.requireStorableParameter("id", id, MAX_PART_LENGTH));
        return graph.resolve(principal.tenantId(), ref)
                .map(entity -> new Resolved(entity.type().key(), entity.entityId()))
                .orElseThrow(() -> new NotFoundException("No record " + ref + " has been received"));
    }

    record Resolved(String type, UUID id) {
    }
}
