package dev.mosaic.api;

import dev.mosaic.graph.GraphFigures;
import dev.mosaic.graph.OrganizationFigures;
import dev.mosaic.graph.OrganizationList;
import dev.mosaic.graph.Page;
import dev.mosaic.platform.errors.InvalidInputException;
import dev.mosaic.tenant.TenantPrincipal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/organizations/figures}: the organizations list with what it shows beside each name (owner,
 * contacts, open pipeline, won revenue, last and next activity, sources), searchable, sortable and paged.
 */
@RestController
class OrganizationFiguresController {

    private final OrganizationList organizations;
    private final GraphFigures figures;

    OrganizationFiguresController(OrganizationList organizations, GraphFigures figures) {
        this.organizations = organizations;
        this.figures = figures;
    }

    /**
     * @param computedAt when the figures were last computed; null before the first time
     * @param behind     whether the graph changed since (a new computation follows within seconds)
     */
    record FiguresPage(List<Item> items, long total, Instant computedAt, boolean behind) {
    }

    /** An organization; {@code figures} null for one created since the figures were last computed. */
    record Item(UUID id, String name, OrganizationFigures.Figures figures) {
    }

    /**
     * The organizations list with each one's owner, contacts, open pipeline (sum and weighted), won revenue, last and
     * next activity and sources, searchable, sortable and paged. The figures are recomputed in the background within
     * seconds of a change: {@code computedAt} says when, {@code behind} whether newer changes are being added.
     */
    @GetMapping("/api/v1/organizations/figures")
    FiguresPage list(@AuthenticationPrincipal TenantPrincipal principal, @RequestParam(required = false) String q,
                     @RequestParam(defaultValue = "name") String sort, @RequestParam(required = false) String dir,
                     @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (q != null) {
            InvalidValueException.requireStorableParameter("q", q, EntityController.MAX_QUERY_LENGTH);
        }
        OrganizationList.Sort by = OrganizationList.Sort.fromKey(sort).orElseThrow(() -> new InvalidInputException(
                "sort must be one of " + Arrays.stream(OrganizationList.Sort.values()).map(OrganizationList.Sort::key).toList()));
        if (dir != null && !dir.equals("asc") && !dir.equals("desc")) {
            throw new InvalidInputException("dir must be asc or desc");
        }
        boolean ascending = dir == null ? by.ascendingByDefault() : dir.equals("asc");
        Page<OrganizationList.Row> page = organizations.page(principal.tenantId(), q, by, ascending, Paging.limit(limit),
                Paging.offset(offset));
        GraphFigures.Freshness freshness = figures.freshness(principal.tenantId());
        return new FiguresPage(page.items().stream().map(row -> new Item(row.organization().id(), row.organization().name(),
                row.figures())).toList(), page.total(), freshness.computedAt(), freshness.behind());
    }
}
