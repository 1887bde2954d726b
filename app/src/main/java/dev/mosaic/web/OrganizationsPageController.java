package dev.mosaic.web;

import dev.mosaic.graph.GraphFigures;
import dev.mosaic.graph.OrganizationFigures;
import dev.mosaic.graph.OrganizationList;
import dev.mosaic.graph.OrganizationList.Sort;
import dev.mosaic.graph.Page;
import dev.mosaic.tenant.TenantPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The organizations list: each with its owner, contacts, open pipeline, won revenue, last and next activity and sources,
 * searchable and sortable by any of them.
 */
@Controller
class OrganizationsPageController {

    private static final int PAGE = 50;

    private final OrganizationList organizations;
    private final GraphFigures figures;
    private final Clock clock;

    OrganizationsPageController(OrganizationList organizations, GraphFigures figures, Clock clock) {
        this.organizations = organizations;
        this.figures = figures;
        this.clock = clock;
    }

    @GetMapping("/organizations")
    String list(@AuthenticationPrincipal TenantPrincipal principal, @RequestParam(required = false) String q,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                @RequestParam(defaultValue = "0") int offset, Model model) {
        String query = SearchTerms.clean(q);
        Sort by = Sort.fromKey(sort).orElse(Sort.NAME);
        boolean ascending = dir == null ? by.ascendingByDefault() : dir.equals("asc");
        int from = Math.max(0, offset);
        Instant now = clock.instant();
        Page<OrganizationList.Row> page = organizations.page(principal.tenantId(), query, by, ascending, PAGE, from);
        GraphFigures.Freshness freshness = figures.freshness(principal.tenantId());
        model.addAttribute("principal", principal);
        model.addAttribute("collection", "organizations");
        model.addAttribute("q", query);
        model.addAttribute("sort", by.key());
        model.addAttribute("dir", ascending ? "asc" : "desc");
        model.addAttribute("headers", Arrays.stream(Sort.values()).map(column -> Header.of(column, by, ascending, query)).toList());
        model.addAttribute("rows", page.items().stream().map(row -> OrganizationRow.of(row, now)).toList());
        PageLinks.addTo(model, page, from, PAGE);
        model.addAttribute("figures", FiguresNote.of(freshness, page.items().stream().anyMatch(row -> row.figures() == null),
                now));
        return "customers/organizations";
    }

    /** A column head: its label, the link that sorts by it (the other way round when it is the sort already). */
    record Header(String label, String href, String arrow, boolean numeric) {

        static Header of(Sort column, Sort current, boolean ascending, String query) {
            boolean active = column == current;
            boolean nextAscending = active ? !ascending : column.ascendingByDefault();
            UriComponentsBuilder link = UriComponentsBuilder.fromPath("/organizations");
            if (!query.isEmpty()) {
                link.queryParam("q", query);
            }
            link.queryParam("sort", column.key()).queryParam("dir", nextAscending ? "asc" : "desc");
            String arrow = active ? (ascending ? "↑" : "↓") : "";
            return new Header(label(column), link.encode().build().toUriString(), arrow,
                    column != Sort.NAME && column != Sort.OWNER);
        }

        private static String label(Sort column) {
            return switch (column) {
                case NAME -> "Name";
                case OWNER -> "Owner";
                case CONTACTS -> "Contacts";
                case OPEN_PIPELINE -> "Open pipeline";
                case WEIGHTED_PIPELINE -> "Weighted";
                case WON -> "Won";
                case LAST_ACTIVITY -> "Last activity";
                case NEXT_ACTIVITY -> "Next activity";
            };
        }
    }

    /** One organization as the list shows it; the figures are empty strings until first computed. */
    record OrganizationRow(UUID id, String name, UUID ownerId, String owner, String contacts, String open, String weighted,
                           String won, String openDeals, boolean mixedCurrencies, String lastActivity, String nextActivity,
                           List<String> sources) {

        static OrganizationRow of(OrganizationList.Row row, Instant now) {
            String name = row.organization().name().isBlank() ? "(no name)" : row.organization().name();
            OrganizationFigures.Figures f = row.figures();
            if (f == null) {
                return new OrganizationRow(row.organization().id(), name, null, "", "", "", "", "", "", false, "", "",
                        List.of());
            }
            return new OrganizationRow(row.organization().id(), name, f.ownerId(), f.ownerName() == null ? "" : f.ownerName(),
                    String.valueOf(f.contacts()), Moments.amount(f.openAmount(), f.currency()),
                    Moments.amount(f.openWeighted(), f.currency()), Moments.amount(f.wonAmount(), f.currency()),
                    f.openDeals() == 0 ? "" : f.openDeals() + (f.openDeals() == 1 ? " open deal" : " open deals"),
                    f.mixedCurrencies(), Moments.day(f.lastActivityAt(), now), Moments.day(f.nextActivityAt(), now),
                    f.sources());
        }
    }
}
