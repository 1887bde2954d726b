package dev.mosaic.api;

import dev.mosaic.graph.GraphFigures;
import dev.mosaic.graph.Pipeline;
import dev.mosaic.platform.errors.InvalidInputException;
import dev.mosaic.platform.text.StorableText;
import dev.mosaic.tenant.TenantPrincipal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/pipeline}: deals by stage, as the Pipeline page shows them. */
@RestController
class PipelineApiController {

    private final Pipeline pipeline;
    private final GraphFigures figures;

    PipelineApiController(Pipeline pipeline, GraphFigures figures) {
        this.pipeline = pipeline;
        this.figures = figures;
    }

    /**
     * @param computedAt when the deals' figures were last computed; null before the first time
     * @param behind     whether the graph changed since (a new computation follows within seconds)
     */
    record PipelineView(List<Pipeline.Stage> stages, Instant computedAt, boolean behind) {
    }

    /**
     * Deals by stage and currency: how many, their amount, and their amount weighted by probability, for every owner
     * or one ({@code owner}, a user's id), and for deals closing in a period ({@code from}, {@code to}: yyyy-mm-dd, both
     * included, either may be left out). The figures are recomputed in the background within seconds of a change.
     */
    @GetMapping("/api/v1/pipeline")
    PipelineView stages(@AuthenticationPrincipal TenantPrincipal principal, @RequestParam(required = false) UUID owner,
                        @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        GraphFigures.Freshness freshness = figures.freshness(principal.tenantId());
        return new PipelineView(pipeline.stages(principal.tenantId(), owner, day("from", from), day("to", to)),
                freshness.computedAt(), freshness.behind());
    }

    private static LocalDate day(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(parameter + " must be a day as yyyy-mm-dd, not '" + StorableText.excerpt(value)
                    + "'");
        }
    }
}
