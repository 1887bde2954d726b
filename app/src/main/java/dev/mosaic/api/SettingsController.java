package dev.mosaic.api;

import dev.mosaic.graph.TrustedSources;
import dev.mosaic.identity.MatchingModels;
import dev.mosaic.identity.MatchingSettings;
import dev.mosaic.platform.errors.InvalidInputException;
import dev.mosaic.tenant.TenantPrincipal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/settings/trusted-sources}: the survivorship order of the tenant's sources; {@code /matching}: above
 * which score Mosaic merges without asking.
 */
@RestController
class SettingsController {

    private final TrustedSources trustedSources;
    private final MatchingSettings matching;
    private final MatchingModels models;

    SettingsController(TrustedSources trustedSources, MatchingSettings matching, MatchingModels models) {
        this.trustedSources = trustedSources;
        this.matching = matching;
        this.models = models;
    }

    /**
     * Above which score (0 to 1) Mosaic merges a pair without asking (null asks a person every time, the default), and
     * the matching models estimated from the workspace's own data (none: the defaults score).
     */
    @GetMapping("/api/v1/settings/matching")
    Matching matching(@AuthenticationPrincipal TenantPrincipal principal) {
        return new Matching(matching.autoMergeAbove(principal.tenantId()).orElse(null),
                models.estimates(principal.tenantId()).stream().map(SettingsController::model).toList());
    }

    /**
     * Estimates the matching models from the workspace's own data (admins only): how often its true pairs and its
     * chance pairs agree on each field, by expectation–maximisation over the pairs blocking proposes. The pending
     * suggestions are scored again with them, and those now scored at least the auto-merge threshold are merged. Takes
     * seconds for a large workspace.
     */
    @PostMapping("/api/v1/settings/matching/estimate")
    Map<String, Object> estimate(@AuthenticationPrincipal TenantPrincipal principal) {
        principal.requireAdmin("estimate the matching models");
        return Map.of("models", models.estimateAll(principal.tenantId()).stream().map(SettingsController::model).toList());
    }

    private static Map<String, Object> model(MatchingModels.Estimate estimate) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("type", estimate.type().key());
        model.put("records", estimate.records());
        model.put("pairsCompared", estimate.blockedPairs());
        model.put("prior", estimate.prior());
        model.put("estimatedAt", estimate.estimatedAt());
        if (estimate.suggestionsRescored() > 0) {
            model.put("suggestionsRescored", estimate.suggestionsRescored());
        }
        if (estimate.suggestionsMerged() > 0) {
            model.put("suggestionsMerged", estimate.suggestionsMerged());
        }
        return model;
    }

    /**
     * Sets the auto-merge threshold (admins only), e.g. {@code {"autoMergeAbove": 0.97}}; {@code null} turns it off. It
     * applies to records written from then on. Such a merge can be undone like any other, and a pair a person kept apart
     * is never merged again.
     */
    @PutMapping("/api/v1/settings/matching")
    Matching setMatching(@AuthenticationPrincipal TenantPrincipal principal, @RequestBody Matching body) {
        principal.requireAdmin("change the matching settings");
        if (body == null) {
            throw new InvalidInputException("Send {\"autoMergeAbove\": 0.97}, or null to ask every time");
        }
        matching.setAutoMergeAbove(principal.tenantId(), body.autoMergeAbove(), principal.email());
        return matching(principal);
    }

    record Matching(Double autoMergeAbove, List<Map<String, Object>> models) {
    }

    /**
     * The trusted-source order: when sources disagree, the value of the first one listed wins.
     */
    @GetMapping("/api/v1/settings/trusted-sources")
    SourceList get(@AuthenticationPrincipal TenantPrincipal principal) {
        return new SourceList(trustedSources.get(principal.tenantId()));
    }

    /**
     * Sets the trusted-source order, most trusted first (admins only). Every entity's values are recomputed.
     */
    @PutMapping("/api/v1/settings/trusted-sources")
    SourceList set(@AuthenticationPrincipal TenantPrincipal principal, @RequestBody SourceList body) {
        principal.requireAdmin("change the trusted sources");
        if (body == null || body.sources() == null) {
            throw new InvalidInputException("Send {\"sources\":[\"salesforce\",\"hubspot\"]}, most trusted first");
        }
        trustedSources.set(principal.tenantId(), body.sources());
        return get(principal);
    }

    record SourceList(List<String> sources) {
    }
}
