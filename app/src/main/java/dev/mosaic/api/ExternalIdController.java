package dev.mosaic.api;

import dev.mosaic.graph.ExternalRef;
import dev.mosaic.graph.GraphReader;
import dev.mosaic.platform.errors.NotFoundException;
import dev.mosaic.tenant.TenantPrincipal;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/external/{system}/{object}/{id}}: which entity a source's record belongs to now. */
@RestController
class ExternalIdController {

    private final GraphReader graph;

    ExternalIdController(GraphReader graph) {
        this.graph = graph;
    }

    @GetMapping("/api/v1/external/{system}/{object}/{id}")
    Resolved resolve(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String system,
                     @PathVariable String object, @PathVariable String id) {
        return graph.resolve(principal.tenantId(), new ExternalRef(system, object, id))
                .map(entity -> new Resolved(entity.type().key(), entity.entityId()))
                .orElseThrow(() -> new NotFoundException("No record " + system + "/" + object + "/" + id + " has been received"));
    }

    record Resolved(String type, UUID id) {
    }
}
