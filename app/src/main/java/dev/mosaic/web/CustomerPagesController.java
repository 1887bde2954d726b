package dev.mosaic.web;

import dev.mosaic.graph.EntityType;
import dev.mosaic.graph.GraphReader;
import dev.mosaic.graph.GraphViews;
import dev.mosaic.graph.InferredLinks;
import dev.mosaic.graph.LinkKind;
import dev.mosaic.graph.Page;
import dev.mosaic.identity.MergeLineage;
import dev.mosaic.identity.MergeService;
import dev.mosaic.platform.errors.NotFoundException;
import dev.mosaic.tenant.TenantPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer pages: a searchable, paged list per kind (contacts, leads, deals; organizations have their own, see
 * {@link OrganizationsPageController}), and the 360 page of each entity: every field with the source that gave it and
 * the values other sources give, where it comes from (with links back to each source record), who and what it is
 * related to, and its timeline.
 */
@Controller
class CustomerPagesController {

    private static final int LIST_PAGE = 50;
    private static final int TIMELINE_PAGE = 25;

    private final GraphReader graph;
    private final MergeService merges;
    private final InferredLinks inferredLinks;
    private final Clock clock;

    CustomerPagesController(GraphReader graph, MergeService merges, InferredLinks inferredLinks, Clock clock) {
        this.graph = graph;
        this.inferredLinks = inferredLinks;
        this.merges = merges;
        this.clock = clock;
    }

    @GetMapping("/{collection:contacts|leads|deals}")
    String list(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String collection,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int offset, Model model) {
        EntityType type = Collections.typeOf(collection);
        String query = SearchTerms.clean(q);
        int from = Math.max(0, offset);
        Page<GraphViews.Summary> page = graph.search(principal.tenantId(), type, query, LIST_PAGE, from);
        model.addAttribute("principal", principal);
        model.addAttribute("collection", collection);
        model.addAttribute("title", Collections.plural(type));
        model.addAttribute("q", query);
        model.addAttribute("items", page.items().stream().map(item -> new ListRow(item.id(), item.name().isBlank()
                ? "(no name)" : item.name(), Ago.of(item.updatedAt(), clock.instant(), ""))).toList());
        PageLinks.addTo(model, page, from, LIST_PAGE);
        return "customers/list";
    }

    @GetMapping("/{collection:organizations|contacts|leads|deals|interactions|notes|users}/{id}")
    String entity(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String collection, @PathVariable UUID id,
                  @RequestParam(defaultValue = "0") int timeline, Model model) {
        GraphViews.Detail detail = graph.detail(principal.tenantId(), id);
        if (!detail.id().equals(id) || detail.type() != Collections.typeOf(collection)) {
            // A merged-away id, or a link naming the wrong kind: the page of what the id stands for now.
            return "redirect:/" + Collections.pathOf(detail.type()) + "/" + detail.id();
        }
        int from = Math.max(0, timeline);
        Page<GraphViews.TimelineItem> events = graph.timeline(principal.tenantId(), id, TIMELINE_PAGE, from);
        model.addAttribute("principal", principal);
        model.addAttribute("collection", collection);
        model.addAttribute("entity", EntityPage.of(detail, events, from, TIMELINE_PAGE,
                graph.shownValues(principal.tenantId(), EntityPage.dealsAmong(detail.relations())), clock.instant()));
        model.addAttribute("merges", merges.history(principal.tenantId(), id).stream()
                .map(lineage -> MergeRow.of(lineage, id, clock.instant())).toList());
        return "customers/entity";
    }

    /** Undoes one merge: both sides come back with their own fields, links and timeline, and stay apart. */
    @PostMapping("/{collection:organizations|contacts|leads|deals|interactions|notes|users}/{id}/unmerge")
    String unmerge(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String collection, @PathVariable UUID id,
                   @RequestParam UUID merge, RedirectAttributes redirect) {
        Forms.report(redirect, () -> {
            redirect.addFlashAttribute("separated", merges.unmerge(principal.tenantId(), id, merge, principal.email()).mergedId());
            return "Unmerged. The two stay apart: no sync will merge them again.";
        });
        return "redirect:/" + collection + "/" + id;
    }

    /**
     * Undoes a link Mosaic inferred between a contact and an organization, from either one's page: it is removed and
     * never inferred again.
     */
    @PostMapping("/{collection:contacts|organizations}/{id}/unlink")
    String unlink(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String collection, @PathVariable UUID id,
                  @RequestParam UUID other, RedirectAttributes redirect) {
        boolean fromContact = collection.equals("contacts");
        Forms.report(redirect, () -> {
            inferredLinks.undo(principal.tenantId(), fromContact ? id : other, fromContact ? other : id, LinkKind.WORKS_AT,
                    principal.email());
            return "Unlinked. Mosaic will not link them again; a source still may.";
        });
        return "redirect:/" + collection + "/" + id;
    }

    /** One merge the entity took part in, as its page lists it. */
    record MergeRow(UUID mergeId, String reason, String by, String when, boolean active, UUID otherId) {

        static MergeRow of(MergeLineage lineage, UUID entityId, Instant now) {
            UUID other = lineage.survivorId().equals(entityId) ? lineage.mergedId() : lineage.survivorId();
            return new MergeRow(lineage.mergeId(), lineage.reason(), lineage.mergedBy(), Ago.of(lineage.mergedAt(), now, ""),
                    lineage.unmergedAt() == null, other);
        }
    }

    /** An entity in a list. */
    record ListRow(UUID id, String name, String updated) {
    }

    /** The URL path of each kind of entity, and its name in words. */
    static final class Collections {

        private Collections() {
        }

        static EntityType typeOf(String collection) {
            return switch (collection) {
                case "organizations" -> EntityType.ORGANIZATION;
                case "contacts" -> EntityType.CONTACT;
                case "leads" -> EntityType.LEAD;
                case "deals" -> EntityType.DEAL;
                case "interactions" -> EntityType.INTERACTION;
                case "notes" -> EntityType.NOTE;
                case "users" -> EntityType.USER;
                default -> throw new NotFoundException("There are no " + collection + " in Mosaic");
            };
        }

        static String pathOf(EntityType type) {
            return type.key() + "s";
        }

        static String plural(EntityType type) {
            String path = pathOf(type);
            return Character.toUpperCase(path.charAt(0)) + path.substring(1);
        }
    }
}
