package dev.mosaic.api;

import dev.mosaic.platform.errors.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.graph.EntityHandle;
import dev.mosaic.graph.EntityType;
import dev.mosaic.graph.GraphReader;
import dev.mosaic.graph.GraphViews;
import dev.mosaic.graph.InferredLinks;
import dev.mosaic.graph.LinkKind;
import dev.mosaic.platform.errors.NotFoundException;
import dev.mosaic.graph.Page;
import dev.mosaic.identity.MergeService;
import dev.mosaic.tenant.TenantPrincipal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The graph's entities under {@code /api/v1/organizations}, {@code /contacts}, {@code /deals},
 * {@code /interactions}, {@code /notes}, {@code /leads} and {@code /users}: search, detail with every
 * field's source, timeline, edits, merge and unmerge, and undoing a contact's inferred organization.
 */
@RestController
@RequestMapping("/api/v1/{collection:organizations|contacts|deals|interactions|notes|leads|users}")
class EntityController {

    /** Longer than any name, email or domain worth searching for; a longer {@code q} is a mistake or a probe. */
    static final int MAX_QUERY_LENGTH = 200;

    private final GraphReader graph;
    private final MergeService merges;
    private final EntityEdits edits;
    private final InferredLinks inferredLinks;

    EntityController(GraphReader graph, MergeService merges, EntityEdits edits, InferredLinks inferredLinks) {
        this.graph = graph;
        this.inferredLinks = inferredLinks;
        this.merges = merges;
        this.edits = edits;
    }

    /**
     * Lists the live entities of a kind by name, or those whose name, email or domain contains {@code q} (any part of
     * a word, any case), a page at a time.
     */
    @GetMapping
    Page<GraphViews.Summary> search(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String collection,
                                    @RequestParam(required = false) String q,
                                    @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (q != null) {
            InvalidValueException.requireStorableParameter("q", q, MAX_QUERY_LENGTH);
        }
        return graph.search(principal.tenantId(), type(collection), q, Paging.limit(limit), Paging.offset(offset));
    }

    /**
     * One entity: every field with the source that gave it and the values other sources give, its ids in each source,
     * its relations and its merge history. An id merged away answers the entity it is part of now.
     */
    @GetMapping("/{id}")
    EntityView detail(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String collection,
                      @PathVariable UUID id) {
        return view(principal.tenantId(), collection, id);
    }

    /**
     * The entity's timeline, newest first: its field changes and merges, and the interactions, notes and deals about it
     * (for an organization, also those of its contacts).
     */
    @GetMapping("/{id}/timeline")
    Page<GraphViews.TimelineItem> timeline(@AuthenticationPrincipal TenantPrincipal principal,
                                           @PathVariable String collection, @PathVariable UUID id,
                                           @RequestParam(defaultValue = "50") int limit,
                                           @RequestParam(defaultValue = "0") int offset) {
        requireType(principal.tenantId(), collection, id);
        return graph.timeline(principal.tenantId(), id, Paging.limit(limit), Paging.offset(offset));
    }

    /**
     * Edits fields by hand, as {@code {"field": value}}; {@code null} clears a field. An edit outranks every source
     * and stays with the entity through merges and unmerges.
     */
    @PatchMapping("/{id}")
    EntityView edit(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String collection,
                    @PathVariable UUID id, @RequestBody JsonNode fields) {
        EntityHandle entity = requireType(principal.tenantId(), collection, id);
        return view(principal.tenantId(), collection, edits.apply(principal, entity.entityId(), entity.type(), fields));
    }

    /**
     * Merges another entity of the same kind into this one, as {@code {"with": "<id>"}}: both are one customer from
     * then on, and the merge can be undone.
     */
    @PostMapping("/{id}/merge")
    Map<String, Object> merge(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String collection,
                              @PathVariable UUID id, @RequestBody MergeRequest request) {
        requireType(principal.tenantId(), collection, id);
        if (request == null || request.with() == null) {
            throw new InvalidInputException("Say which entity to merge with: {\"with\":\"<id>\"}");
        }
        requireType(principal.tenantId(), collection, request.with());
        return merges.merge(principal.tenantId(), id, request.with(), "merged by " + principal.email(), Map.of(),
                        principal.email())
                .<Map<String, Object>>map(lineage -> Map.of("status", "merged", "merge", Merges.view(lineage)))
                .orElse(Map.of("status", "unchanged", "message", "They already are one entity"));
    }

    /**
     * Undoes a merge, the latest or the one named by {@code {"mergeId": "<id>"}}: both entities come back with their
     * own records, links and timeline, and are kept apart from then on.
     */
    @PostMapping("/{id}/unmerge")
    Map<String, Object> unmerge(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String collection,
                                @PathVariable UUID id, @RequestBody(required = false) UnmergeRequest request) {
        requireType(principal.tenantId(), collection, id);
        var lineage = merges.unmerge(principal.tenantId(), id, request == null ? null : request.mergeId(),
                principal.email());
        return Map.of("status", "unmerged", "merge", Merges.view(lineage),
                "survivor", view(principal.tenantId(), collection, lineage.survivorId()),
                "restored", view(principal.tenantId(), collection, lineage.mergedId()));
    }

    /**
     * Undoes the link Mosaic inferred from a contact to an organization (by its email's domain or its company's name),
     * as {@code {"organization": "<id>"}}: it is removed and never inferred again. A link a source states can only be
     * changed in that source.
     */
    @PostMapping("/{id}/unlink")
    Map<String, Object> unlink(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable String collection,
                               @PathVariable UUID id, @RequestBody UnlinkRequest request) {
        if (!collection.equals("contacts")) {
            throw new NotFoundException("Only a contact's inferred organization can be unlinked");
        }
        requireType(principal.tenantId(), collection, id);
        if (request == null || request.organization() == null) {
            throw new InvalidInputException("Say which organization to unlink: {\"organization\":\"<id>\"}");
        }
        requireType(principal.tenantId(), "organizations", request.organization());
        int removed = inferredLinks.undo(principal.tenantId(), id, request.organization(), LinkKind.WORKS_AT,
                principal.email());
        return Map.of("status", "unlinked", "linksRemoved", removed, "contact", view(principal.tenantId(), collection, id));
    }

    record UnlinkRequest(UUID organization) {
    }

    record MergeRequest(UUID with) {
    }

    record UnmergeRequest(UUID mergeId) {
    }

    /** The detail as the API shows it: fields with sources, external ids, relations and merge history. */
    record EntityView(UUID id, String type, String name, boolean deleted, JsonNode fields,
                      List<GraphViews.ExternalId> externalIds, List<GraphViews.Relation> relations,
                      List<Merges.View> merges, Instant createdAt, Instant updatedAt) {
    }

    private EntityView view(String tenantId, String collection, UUID id) {
        GraphViews.Detail detail = graph.detail(tenantId, id);
        requireType(collection, id, detail.type());
        return new EntityView(detail.id(), detail.type().key(), detail.name(), detail.deleted(), detail.fields(),
                detail.externalIds(), detail.relations(),
                merges.history(tenantId, detail.id()).stream().map(Merges::view).toList(),
                detail.createdAt(), detail.updatedAt());
    }

    /** The entity an id names now, when it is of the collection's kind; only its id and kind are read. */
    private EntityHandle requireType(String tenantId, String collection, UUID id) {
        EntityHandle entity = graph.current(tenantId, id);
        requireType(collection, id, entity.type());
        return entity;
    }

    private static void requireType(String collection, UUID id, EntityType type) {
        if (type != type(collection)) {
            throw new NotFoundException("There is no " + type(collection).key() + " " + id);
        }
    }

    static EntityType type(String collection) {
        return EntityType.fromKey(collection.substring(0, collection.length() - 1));
    }
}
