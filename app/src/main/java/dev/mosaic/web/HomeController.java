package dev.mosaic.web;

import dev.mosaic.connection.SalesforceConnections;
import dev.mosaic.graph.EntityType;
import dev.mosaic.graph.GraphFigures;
import dev.mosaic.tenant.TenantPrincipal;
import dev.mosaic.web.CustomerPagesController.Collections;
import java.time.Clock;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in start page (what the workspace's graph holds, and where its data comes from) and the login form. */
@Controller
class HomeController {

    /** The kinds of customer data the start page counts, in the order it shows them. */
    private static final List<EntityType> COUNTED = List.of(EntityType.ORGANIZATION, EntityType.CONTACT, EntityType.LEAD,
            EntityType.DEAL, EntityType.INTERACTION, EntityType.NOTE);

    /** The kinds with a list page of their own. */
    private static final List<EntityType> LISTED = List.of(EntityType.ORGANIZATION, EntityType.CONTACT, EntityType.LEAD,
            EntityType.DEAL);

    private final GraphFigures figures;
    private final SalesforceConnections connections;
    private final Clock clock;

    HomeController(GraphFigures figures, SalesforceConnections connections, Clock clock) {
        this.figures = figures;
        this.connections = connections;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal TenantPrincipal principal, Model model) {
        GraphFigures.Counts computed = figures.counts(principal.tenantId());
        GraphFigures.Freshness freshness = figures.freshness(principal.tenantId());
        List<Count> counts = COUNTED.stream().map(type -> new Count(Collections.plural(type), computed.of(type),
                LISTED.contains(type) ? "/" + Collections.pathOf(type) : null)).toList();
        model.addAttribute("principal", principal);
        model.addAttribute("counts", counts);
        model.addAttribute("figures", FiguresNote.of(freshness, false, clock.instant()));
        // Nothing was ever written to a graph whose figures are not behind and were never computed.
        model.addAttribute("empty", freshness.current() ? counts.stream().allMatch(count -> count.total() == 0)
                : freshness.computedAt() == null && !freshness.behind());
        model.addAttribute("sources", connections.list(principal.tenantId()).stream()
                .map(connection -> new Source("Salesforce org " + connection.orgId(),
                        ConnectionCard.statusClass(connection.status()),
                        "last synced " + Ago.of(connection.lastSuccessAt(), clock.instant(), "not yet"))).toList());
        return "home";
    }

    /** @param path the list of them, for the kinds that have one */
    record Count(String label, long total, String path) {
    }

    record Source(String name, String status, String detail) {
    }
}
