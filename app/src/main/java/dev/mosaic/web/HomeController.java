package dev.mosaic.web;

import dev.mosaic.connection.SalesforceConnections;
import dev.mosaic.graph.EntityType;
import dev.mosaic.graph.GraphReader;
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

    private final GraphReader graph;
    private final SalesforceConnections connections;
    private final Clock clock;

    HomeController(GraphReader graph, SalesforceConnections connections, Clock clock) {
        this.graph = graph;
        this.connections = connections;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal TenantPrincipal principal, Model model) {
        List<Count> counts = COUNTED.stream()
                .map(type -> new Count(Collections.plural(type), graph.search(principal.tenantId(), type, null, 1, 0).total(),
                        LISTED.contains(type) ? "/" + Collections.pathOf(type) : null)).toList();
        model.addAttribute("principal", principal);
        model.addAttribute("counts", counts);
        model.addAttribute("empty", counts.stream().allMatch(count -> count.total() == 0));
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
