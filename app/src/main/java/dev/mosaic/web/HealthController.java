package dev.mosaic.web;

import dev.mosaic.connection.SalesforceConnection;
import dev.mosaic.connection.SalesforceConnections;
import dev.mosaic.graph.GraphFigures;
import dev.mosaic.graph.OrganizationFigures;
import dev.mosaic.identity.ReviewQueue;
import dev.mosaic.sync.SyncService;
import dev.mosaic.tenant.TenantPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Data health: what needs a person's attention, each with where to act on it. */
@Controller
class HealthController {

    private final ReviewQueue reviews;
    private final SalesforceConnections connections;
    private final SyncService sync;
    private final OrganizationFigures organizations;
    private final GraphFigures figures;
    private final Clock clock;

    HealthController(ReviewQueue reviews, SalesforceConnections connections, SyncService sync,
                     OrganizationFigures organizations, GraphFigures figures, Clock clock) {
        this.organizations = organizations;
        this.figures = figures;
        this.clock = clock;
        this.reviews = reviews;
        this.connections = connections;
        this.sync = sync;
    }

    /** The choices of "quiet for how long"; anything else asked for means the default. */
    private static final List<Integer> QUIET_DAYS = List.of(30, 60, 90, 180, 365);
    private static final int DEFAULT_QUIET_DAYS = 90;

    @GetMapping("/health")
    String page(@AuthenticationPrincipal TenantPrincipal principal, @RequestParam(required = false) Integer quietDays,
                Model model) {
        String tenant = principal.tenantId();
        int days = quietDays != null && QUIET_DAYS.contains(quietDays) ? quietDays : DEFAULT_QUIET_DAYS;
        List<SalesforceConnection> connected = connections.list(tenant);
        long quarantined = connected.stream().mapToLong(connection -> sync.quarantined(tenant, connection.connectionId())).sum();
        long failing = connected.stream().filter(connection -> connection.statusDetail() != null).count();
        GraphFigures.Counts counts = figures.counts(tenant);
        GraphFigures.Freshness freshness = figures.freshness(tenant);
        model.addAttribute("principal", principal);
        model.addAttribute("figures", FiguresNote.of(freshness, false, clock.instant()));
        model.addAttribute("quietDays", days);
        model.addAttribute("quietChoices", QUIET_DAYS);
        model.addAttribute("checks", List.of(
                new Check("Organizations with no activity in " + days + " days",
                        organizations.quietSince(tenant, clock.instant().minus(Duration.ofDays(days))),
                        "/organizations?sort=last-activity&dir=asc",
                        "No call, meeting, email or task with them or their contacts, and none planned."),
                new Check("Suggestions to review", reviews.list(tenant, "pending", 1, 0).total(), "/review",
                        "Pairs that may be one customer, most likely first, and people who may work at a company of "
                                + "their company's name, waiting for a person to decide."),
                new Check("Contacts without an email", counts.contactsWithoutEmail(), "/contacts",
                        "No source gives them an address, so no email of theirs can be linked to them."),
                new Check("Organizations without a domain or website", counts.organizationsWithoutDomain(),
                        "/organizations", "Without one, records of them from other sources merge only by hand."),
                new Check("Records the sync could not map", quarantined, "/settings/integrations",
                        "Quarantined with their reason; the rest of the sync went on."),
                new Check("Connections that need attention", failing, "/settings/integrations",
                        "A revoked token, a spent API budget or another error, with what to do.")));
        return "health";
    }

    /** One health figure: zero is good. */
    record Check(String title, long count, String path, String explanation) {
    }
}
