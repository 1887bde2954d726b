package dev.mosaic.web;

import dev.mosaic.graph.EntityType;
import dev.mosaic.graph.GraphFigures;
import dev.mosaic.graph.GraphReader;
import dev.mosaic.graph.Pipeline;
import dev.mosaic.tenant.TenantPrincipal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Pipeline: deals by stage (count, amount, weighted amount), for everyone or one owner, in a close period. */
@Controller
class PipelineController {

    private static final int OWNERS_LISTED = 500;

    private final Pipeline pipeline;
    private final GraphReader graph;
    private final GraphFigures figures;
    private final Clock clock;

    PipelineController(Pipeline pipeline, GraphReader graph, GraphFigures figures, Clock clock) {
        this.pipeline = pipeline;
        this.graph = graph;
        this.figures = figures;
        this.clock = clock;
    }

    @GetMapping("/pipeline")
    String page(@AuthenticationPrincipal TenantPrincipal principal, @RequestParam(required = false) String owner,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        List<String> problems = new ArrayList<>();
        UUID ownerId = parse(owner, "owner", UUID::fromString, problems);
        LocalDate closeFrom = parse(from, "close from", LocalDate::parse, problems);
        LocalDate closeTo = parse(to, "close to", LocalDate::parse, problems);
        List<Pipeline.Stage> stages = pipeline.stages(principal.tenantId(), ownerId, closeFrom, closeTo);
        Map<String, Total> totals = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (Pipeline.Stage stage : stages) {
            rows.add(new Row(stage.stage(), stage.currency(), stage.deals(), money(stage.amount()), money(stage.weighted()),
                    stage.averageProbability() == null ? "" : stage.averageProbability().setScale(0, RoundingMode.HALF_UP) + "%"));
            totals.merge(stage.currency(), new Total(stage.currency(), stage.deals(), stage.amount(), stage.weighted()),
                    Total::plus);
        }
        model.addAttribute("principal", principal);
        model.addAttribute("figures", FiguresNote.of(figures.freshness(principal.tenantId()), false, clock.instant()));
        model.addAttribute("rows", rows);
        model.addAttribute("totals", totals.values().stream().map(total -> new Row("All stages", total.currency(),
                total.deals(), money(total.amount()), money(total.weighted()), "")).toList());
        model.addAttribute("owners", graph.search(principal.tenantId(), EntityType.USER, null, OWNERS_LISTED, 0).items());
        model.addAttribute("owner", ownerId);
        model.addAttribute("from", closeFrom);
        model.addAttribute("to", closeTo);
        model.addAttribute("problems", problems);
        return "pipeline";
    }

    private static <T> T parse(String raw, String what, java.util.function.Function<String, T> parser, List<String> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return parser.apply(raw.strip());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            problems.add("'" + raw + "' is not a " + what + (what.startsWith("close") ? " date (yyyy-mm-dd)" : "") + "; left out");
            return null;
        }
    }

    private static String money(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.0f", amount);
    }

    record Row(String stage, String currency, long deals, String amount, String weighted, String probability) {
    }

    private record Total(String currency, long deals, BigDecimal amount, BigDecimal weighted) {

        Total plus(Total other) {
            return new Total(currency, deals + other.deals, amount.add(other.amount), weighted.add(other.weighted));
        }
    }
}
