package dev.mosaic.api;

import dev.mosaic.graph.GraphReader;
import dev.mosaic.graph.GraphViews;
import dev.mosaic.graph.Page;
import dev.mosaic.identity.ReviewItem;
import dev.mosaic.identity.ReviewQueue;
import dev.mosaic.tenant.TenantPrincipal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The review queue: merges that weak evidence suggests, for a person to accept or reject. */
@RestController
class ReviewController {

    private final ReviewQueue reviews;
    private final GraphReader graph;

    ReviewController(ReviewQueue reviews, GraphReader graph) {
        this.reviews = reviews;
        this.graph = graph;
    }

    /**
     * Pairs that may be the same customer, waiting for a person ({@code status=pending}, the default), or decided
     * ({@code accepted}, {@code rejected}).
     */
    @GetMapping("/api/v1/review")
    Page<Suggestion> list(@AuthenticationPrincipal TenantPrincipal principal,
                          @RequestParam(defaultValue = "pending") String status,
                          @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        Page<ReviewItem> page = reviews.list(principal.tenantId(), status, Paging.limit(limit), Paging.offset(offset));
        return new Page<>(page.items().stream().map(item -> suggestion(principal.tenantId(), item)).toList(), page.total());
    }

    /**
     * Accepts a suggestion: a merge makes the two one entity (a merge that can be undone); a link suggestion links the
     * contact to the organization.
     */
    @PostMapping("/api/v1/review/{id}/accept")
    Map<String, Object> accept(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id) {
        ReviewQueue.Accepted accepted = reviews.accept(principal.tenantId(), id, principal.email());
        return switch (accepted.outcome()) {
            case "merged" -> Map.of("status", "accepted", "merge", Merges.view(accepted.merge()));
            case "linked" -> Map.of("status", "accepted", "linked", true);
            default -> Map.of("status", "obsolete", "message", "The two were already one entity");
        };
    }

    /**
     * Rejects a suggestion: the two are kept apart (or not linked), and never suggested, merged or linked by Mosaic again.
     */
    @PostMapping("/api/v1/review/{id}/reject")
    Map<String, Object> reject(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id) {
        reviews.reject(principal.tenantId(), id, principal.email());
        return Map.of("status", "rejected");
    }

    private Suggestion suggestion(String tenantId, ReviewItem item) {
        return new Suggestion(item.reviewId(), item.kind(), item.type().key(), item.score(), item.reason(),
                evidence(item), item.status(),
                item.createdAt(), side(tenantId, item.entityA()), side(tenantId, item.entityB()), item.decidedBy(),
                item.decidedAt());
    }

    private Side side(String tenantId, UUID id) {
        GraphViews.Summary now = graph.summary(tenantId, id);
        return new Side(now.id(), now.name());
    }

    /**
     * What speaks for and against the suggestion, field by field ({@code {field, comparison, weight}}); a suggestion made
     * before scoring, or a link's, gives its reason as one item without a weight.
     */
    private static List<Map<String, Object>> evidence(ReviewItem item) {
        if (item.evidence().get("evidence") instanceof List<?> scored) {
            return scored.stream().map(entry -> (Map<?, ?>) entry).map(entry -> {
                Map<String, Object> evidence = new LinkedHashMap<>();
                evidence.put("field", entry.get("field"));
                evidence.put("comparison", entry.get("comparison"));
                evidence.put("weight", entry.get("weight"));
                return evidence;
            }).toList();
        }
        Map<String, Object> reason = new LinkedHashMap<>();
        reason.put("field", item.evidence().getOrDefault("key", item.isMerge() ? "name" : "company"));
        reason.put("comparison", item.reason());
        reason.put("weight", null);
        return List.of(reason);
    }

    record Suggestion(UUID id, String kind, String type, Double score, String reason, List<Map<String, Object>> evidence, String status, Instant createdAt,
                      Side a, Side b, String decidedBy, Instant decidedAt) {
    }

    record Side(UUID id, String name) {
    }
}
