package dev.mosaic.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.graph.EntityType;
import dev.mosaic.graph.GraphViews;
import dev.mosaic.graph.Page;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What a 360 page shows of one entity, worked out for the template: fields with their source and the competing
 * values, the source records it is made of (with deep links), its relations grouped in words, and a page of its
 * timeline.
 */
record EntityPage(UUID id, String kind, String name, boolean deleted, int merged, List<FieldRow> fields,
                  List<SourceRow> sources, List<RelationGroup> relations, List<TimelineRow> timeline, long timelineTotal,
                  Integer olderTimeline, Integer newerTimeline) {

    private static final int LONGEST_VALUE = 400;
    private static final List<String> ADDRESS_ORDER = List.of("street", "city", "postalCode", "state", "country");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm").withZone(ZoneOffset.UTC);

    /** One field: the value shown, which source gave it, and what the others say (on hover). */
    record FieldRow(String label, String value, String source, String competing) {
    }

    /** One source record the entity is made of. */
    record SourceRow(String system, String object, String id, String url, boolean deleted, String lastSeen) {
    }

    record RelationGroup(String title, List<RelationRow> rows) {
    }

    /**
     * A related entity, with what the relation says (a role) or what it is (a deal's stage and amount), and for a
     * link Mosaic inferred, the evidence it was inferred from; a person may undo such a link from either side.
     */
    record RelationRow(UUID id, String path, String name, String detail, String inferredFrom) {
    }

    record TimelineRow(String when, String kind, String summary, String source, String url) {
    }

    static EntityPage of(GraphViews.Detail detail, Page<GraphViews.TimelineItem> timeline, int timelineOffset,
                         int timelinePage, Map<UUID, JsonNode> deals, Instant now) {
        List<FieldRow> fields = new ArrayList<>();
        detail.fields().fields().forEachRemaining(entry -> fields.add(field(entry.getKey(), entry.getValue())));
        List<SourceRow> sources = detail.externalIds().stream().map(source -> new SourceRow(source.system(), source.object(),
                source.id(), source.url(), source.deleted(), Ago.of(source.lastSeenAt(), now, ""))).toList();
        List<TimelineRow> events = timeline.items().stream().map(item -> new TimelineRow(WHEN.format(item.occurredAt()),
                item.kind().replace('_', ' '), item.summary(), item.source() == null ? "" : item.source().system(),
                item.source() == null ? null : item.source().url())).toList();
        long shown = timelineOffset + timeline.items().size();
        return new EntityPage(detail.id(), detail.type().key(), detail.name().isBlank() ? "(no name)" : detail.name(),
                detail.deleted(), detail.mergedIds().size(), fields, sources, groups(detail.relations(), deals), events,
                timeline.total(), shown < timeline.total() ? timelineOffset + timelinePage : null,
                timelineOffset == 0 ? null : Math.max(0, timelineOffset - timelinePage));
    }

    /** The deals among the relations, whose stage and amount the page shows beside them. */
    static List<UUID> dealsAmong(List<GraphViews.Relation> relations) {
        return relations.stream().filter(relation -> relation.type() == EntityType.DEAL).map(GraphViews.Relation::id)
                .distinct().toList();
    }

    private static FieldRow field(String name, JsonNode field) {
        StringBuilder competing = new StringBuilder();
        for (JsonNode other : field.path("alternatives")) {
            competing.append(competing.isEmpty() ? "" : "\n").append(other.path("source").path("system").asText()).append(": ")
                    .append(text(other.path("value")));
        }
        return new FieldRow(label(name), text(field.path("value")), field.path("source").path("system").asText(),
                competing.isEmpty() ? null : "Other sources say:\n" + competing);
    }

    private static String text(JsonNode value) {
        String text = value.isValueNode() ? value.asText() : value.isObject() ? parts(value) : value.toString();
        return text.length() > LONGEST_VALUE ? text.substring(0, LONGEST_VALUE) + "…" : text;
    }

    /**
     * An address (or any value made of parts) as one line, in the order people write an address, whatever order it is
     * stored in: "1 Main St, Springfield, 62701, IL, US".
     */
    private static String parts(JsonNode value) {
        List<String> parts = new ArrayList<>();
        ADDRESS_ORDER.forEach(name -> {
            if (value.hasNonNull(name)) {
                parts.add(value.get(name).asText());
            }
        });
        value.fields().forEachRemaining(part -> {
            if (!ADDRESS_ORDER.contains(part.getKey())) {
                parts.add(part.getValue().isValueNode() ? part.getValue().asText() : part.getValue().toString());
            }
        });
        return String.join(", ", parts);
    }

    /** {@code annualRevenue} → "Annual revenue"; Salesforce's own names ({@code Rating__c}) stay as they are. */
    static String label(String name) {
        if (name.isEmpty() || Character.isUpperCase(name.charAt(0))) {
            return name;
        }
        StringBuilder label = new StringBuilder().append(Character.toUpperCase(name.charAt(0)));
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            label.append(Character.isUpperCase(c) ? " " + Character.toLowerCase(c) : String.valueOf(c));
        }
        return label.toString();
    }

    private static List<RelationGroup> groups(List<GraphViews.Relation> relations, Map<UUID, JsonNode> deals) {
        Map<String, List<RelationRow>> byTitle = new LinkedHashMap<>();
        for (GraphViews.Relation relation : relations) {
            String title = title(relation.kind(), relation.direction());
            if (title == null) {
                continue;
            }
            byTitle.computeIfAbsent(title, key -> new ArrayList<>()).add(new RelationRow(relation.id(),
                    CustomerPagesController.Collections.pathOf(relation.type()), relation.name().isBlank() ? "(no name)"
                    : relation.name(), detail(relation, deals.get(relation.id())), inferredFrom(relation)));
        }
        List<RelationGroup> groups = new ArrayList<>();
        byTitle.forEach((title, rows) -> groups.add(new RelationGroup(title, rows)));
        return groups;
    }

    /** "inferred from email ada@acme.com" for a link Mosaic inferred; null for one a source states. */
    private static String inferredFrom(GraphViews.Relation relation) {
        Object evidence = relation.attributes().get("evidence");
        return relation.attributes().containsKey("inferred") && evidence != null ? "inferred from " + evidence : null;
    }

    /** Interactions and notes pointing here are on the timeline, not listed again. */
    private static String title(String kind, String direction) {
        boolean out = direction.equals("out");
        return switch (kind) {
            case "works_at" -> out ? "Works at" : "People";
            case "deal_organization" -> out ? "Organization" : "Deals";
            case "deal_contact" -> out ? "Contacts on this deal" : "Deals";
            case "owner" -> out ? "Owner" : null;
            case "participant" -> out ? "Participants" : null;
            case "interaction_deal" -> out ? "Deal" : null;
            case "note_subject" -> out ? "About" : null;
            case "converted_to" -> out ? "Converted to" : "Converted from";
            default -> null;
        };
    }

    /** 17000 → 17,000; 1250.5 → 1,250.50; anything else as it is. */
    private static String amount(String amount) {
        try {
            BigDecimal value = new BigDecimal(amount);
            return value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0
                    ? String.format(Locale.ROOT, "%,d", value.toBigInteger())
                    : String.format(Locale.ROOT, "%,.2f", value);
        } catch (NumberFormatException e) {
            return amount;
        }
    }

    private static String detail(GraphViews.Relation relation, JsonNode deal) {
        List<String> parts = new ArrayList<>();
        if (deal != null) {
            String stage = deal.path("stage").path("value").asText("");
            String amount = deal.path("amount").path("value").asText("");
            String currency = deal.path("currency").path("value").asText("");
            if (!stage.isEmpty()) {
                parts.add(stage);
            }
            if (!amount.isEmpty()) {
                parts.add((currency + " " + amount(amount)).trim());
            }
        }
        Object role = relation.attributes().get("role");
        if (role != null) {
            parts.add(String.valueOf(role));
        }
        if (Boolean.FALSE.equals(relation.attributes().get("current"))) {
            parts.add("former");
        }
        if (Boolean.TRUE.equals(relation.attributes().get("primary"))) {
            parts.add("primary");
        }
        return String.join(" · ", parts);
    }
}
