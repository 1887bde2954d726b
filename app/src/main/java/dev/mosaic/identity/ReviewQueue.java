package dev.mosaic.identity;

import dev.mosaic.platform.errors.InvalidInputException;
import dev.mosaic.platform.errors.ConflictException;
import dev.mosaic.platform.errors.NotFoundException;
import dev.mosaic.graph.InferredLinks;
import dev.mosaic.graph.Page;
import dev.mosaic.platform.database.TenantWriteLock;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggestions from weak evidence, merges and links, for a person to accept (merge, link) or reject (never suggest or
 * make again).
 */
@Service
public class ReviewQueue {

    private static final Set<String> STATUSES = Set.of("pending", "accepted", "rejected", "obsolete");

    private final IdentityStore store;
    private final MergeService merges;
    private final InferredLinks inferredLinks;
    private final TenantWriteLock writeLock;
    private final Clock clock;

    ReviewQueue(IdentityStore store, MergeService merges, InferredLinks inferredLinks, TenantWriteLock writeLock,
                Clock clock) {
        this.store = store;
        this.inferredLinks = inferredLinks;
        this.merges = merges;
        this.writeLock = writeLock;
        this.clock = clock;
    }

    public Page<ReviewItem> list(String tenantId, String status, int limit, int offset) {
        if (!STATUSES.contains(status)) {
            throw new InvalidInputException("status must be one of " + STATUSES);
        }
        return new Page<>(store.reviews(tenantId, status, limit, offset), store.countReviews(tenantId, status));
    }

    /**
     * Accepts a suggestion: a merge is made (and can be undone); a suggested link is added, and kept whatever the
     * contact's sources say later. The merge made, or null when there was none to make.
     */
    @Transactional
    public Accepted accept(String tenantId, UUID reviewId, String by) {
        ReviewItem item = pending(tenantId, reviewId);
        if (!item.isMerge()) {
            inferredLinks.decide(tenantId, EmployerInference.suggestedRecord(item), EmployerInference.suggestedLink(item, by),
                    true, by);
            store.decide(tenantId, reviewId, "accepted", by, clock.instant());
            return new Accepted("linked", null);
        }
        MergeLineage lineage = merges.merge(tenantId, item.entityA(), item.entityB(),
                        "accepted suggestion: " + item.reason(), Map.of("reviewId", reviewId.toString()), by)
                .orElse(null);
        store.decide(tenantId, reviewId, lineage == null ? "obsolete" : "accepted", by, clock.instant());
        return new Accepted(lineage == null ? "obsolete" : "merged", lineage);
    }

    /** What accepting did: {@code merged} (with the merge), {@code linked}, or {@code obsolete} (they were one already). */
    public record Accepted(String outcome, MergeLineage merge) {
    }

    /** Rejects a suggestion: the two are never merged, or linked by Mosaic, from then on. */
    @Transactional
    public void reject(String tenantId, UUID reviewId, String by) {
        ReviewItem item = pending(tenantId, reviewId);
        if (item.isMerge()) {
            store.block(tenantId, item.entityA(), item.entityB(), "suggestion rejected by " + by, clock.instant());
        } else {
            inferredLinks.decide(tenantId, EmployerInference.suggestedRecord(item), EmployerInference.suggestedLink(item, by),
                    false, by);
        }
        store.decide(tenantId, reviewId, "rejected", by, clock.instant());
    }

    private ReviewItem pending(String tenantId, UUID reviewId) {
        // The tenant's lock before the item's row lock: the order every graph writer takes them in.
        writeLock.lockInteractive(tenantId);
        ReviewItem item = store.reviewForUpdate(tenantId, reviewId)
                .orElseThrow(() -> new NotFoundException("There is no review item " + reviewId));
        if (!item.status().equals("pending")) {
            throw new ConflictException("This suggestion was already " + item.status());
        }
        return item;
    }
}
