package dev.mosaic.graph;

import dev.mosaic.platform.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The timeline entries a recomputation of golden values adds: a deal's creation, and each field whose
 * shown value changed (a deal's stage change by name). Interactions and notes have entries of their own.
 */
final class FieldChanges {

    private FieldChanges() {
    }

    /**
     * @param previousJson the golden values as they were ({@code {}} for a new entity)
     * @param recordIds    which member record each source ref is, so an entry can point at the record that said it
     */
    static List<TimelineEvent> between(EntityType type, UUID entityId, String previousJson, GoldenValues now,
                                       Map<ExternalRef, UUID> recordIds, RefreshCause cause) {
        List<TimelineEvent> events = new ArrayList<>();
        if (!cause.recordsChanges() || type.isTimelineEntry()) {
            return events;
        }
        Map<String, List<FieldValue>> decided = now.decided();
        Map<String, Object> before = values(previousJson);
        if (type == EntityType.DEAL && before.isEmpty() && !decided.isEmpty()) {
            FieldValue stage = decided.containsKey("stage") ? decided.get("stage").get(0) : null;
            FieldValue any = stage != null ? stage : decided.values().iterator().next().get(0);
            events.add(TimelineEvent.of(cause.at(), "deal_created", recordIds.get(any.source()), entityId,
                    "Deal created" + (stage == null ? "" : " in stage " + stage.value()),
                    stage == null ? Map.of() : Map.of("stage", stage.value())));
            return events;
        }
        decided.forEach((field, ordered) -> {
            FieldValue winner = ordered.get(0);
            Object previous = before.get(field);
            if (previous == null || Objects.equals(String.valueOf(previous), String.valueOf(winner.value()))) {
                return;
            }
            boolean stageChange = type == EntityType.DEAL && field.equals("stage");
            String summary = stageChange
                    ? "Stage " + previous + " → " + winner.value()
                    : field + " changed from " + previous + " to " + winner.value();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("field", field);
            detail.put("from", previous);
            detail.put("to", winner.value());
            detail.put("source", GoldenValues.sourceJson(winner));
            detail.put("because", cause.reason());
            events.add(TimelineEvent.of(cause.at(), stageChange ? "deal_stage_changed" : "field_changed",
                    recordIds.get(winner.source()), entityId, summary, detail));
        });
        return events;
    }

    static Map<ExternalRef, UUID> recordIds(List<StoredRecord> members) {
        Map<ExternalRef, UUID> ids = new HashMap<>();
        members.forEach(member -> ids.put(member.ref(), member.recordId()));
        return ids;
    }

    private static Map<String, Object> values(String goldenJson) {
        Map<String, Object> values = new HashMap<>();
        Json.read(goldenJson).fields().forEachRemaining(entry -> values.put(entry.getKey(),
                Json.mapper().convertValue(entry.getValue().get("value"), Object.class)));
        return values;
    }
}
