package dev.mosaic.web;

import dev.mosaic.graph.GraphReader;
import dev.mosaic.graph.GraphViews;
import dev.mosaic.graph.Page;
import dev.mosaic.identity.ReviewItem;
import dev.mosaic.identity.ReviewQueue;
import dev.mosaic.tenant.TenantPrincipal;
import java.time.Clock;
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
 * The review queue: pairs that weak evidence (the same name, a shared mailbox) says may be one customer, for a person
 * to merge or keep apart. A merge made here can be undone from the entity's page.
 */
@Controller
class ReviewPageController {

    private static final int PAGE = 25;

    private final ReviewQueue reviews;
    private final GraphReader graph;
    private final Clock clock;

    ReviewPageController(ReviewQueue reviews, GraphReader graph, Clock clock) {
        this.reviews = reviews;
        this.graph = graph;
        this.clock = clock;
    }

    @GetMapping("/review")
    String page(@AuthenticationPrincipal TenantPrincipal principal, @RequestParam(defaultValue = "0") int offset, Model model) {
        int from = Math.max(0, offset);
        Page<ReviewItem> page = reviews.list(principal.tenantId(), "pending", PAGE, from);
        model.addAttribute("principal", principal);
        model.addAttribute("items", page.items().stream().map(item -> new Pair(item.reviewId(), item.isMerge(),
                item.score() == null ? null : Math.round(item.score() * 100) + "%", item.type().key(),
                item.reason(), side(principal.tenantId(), item.entityA()), side(principal.tenantId(), item.entityB()),
                Ago.of(item.createdAt(), clock.instant(), ""))).toList());
        PageLinks.addTo(model, page, from, PAGE);
        return "review";
    }

    @PostMapping("/review/{id}/accept")
    String accept(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id, RedirectAttributes redirect) {
        Forms.report(redirect, () -> {
            ReviewQueue.Accepted accepted = reviews.accept(principal.tenantId(), id, principal.email());
            return switch (accepted.outcome()) {
                case "merged" -> "Merged. The merge can be undone from the page of "
                        + graph.summary(principal.tenantId(), accepted.merge().survivorId()).name() + ".";
                case "linked" -> "Linked.";
                default -> "They were one already; nothing to merge.";
            };
        });
        return "redirect:/review";
    }

    @PostMapping("/review/{id}/reject")
    String reject(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id, RedirectAttributes redirect) {
        reviews.reject(principal.tenantId(), id, principal.email());
        redirect.addFlashAttribute("notice", "Kept apart: Mosaic will not suggest or make this merge or link again.");
        return "redirect:/review";
    }

    private Side side(String tenantId, UUID id) {
        GraphViews.Summary now = graph.summary(tenantId, id);
        return new Side(now.id(), CustomerPagesController.Collections.pathOf(now.type()),
                now.name().isBlank() ? "(no name)" : now.name());
    }

    /**
     * A suggestion as the page lists it, most likely first: a merge of two entities (with how likely they are one), or a
     * link from a contact to an organization.
     */
    record Pair(UUID id, boolean merge, String likelihood, String kind, String reason, Side a, Side b, String suggested) {
    }

    record Side(UUID id, String path, String name) {
    }
}
