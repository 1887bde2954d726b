package dev.mosaic.graph;

import dev.mosaic.platform.json.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Recomputes an entity's golden values from its member records, and records what changed on its timeline.
 * Called after anything that changes the members: a record written, a merge, an unmerge, a person's edit.
 */
@Component
class GoldenRecords {

    private final RecordStore records;
    private final EntityStore entities;
    private final SourcePriorities priorities;
    private final Timeline timeline;
    private final Clock clock;

    GoldenRecords(RecordStore records, EntityStore entities, SourcePriorities priorities, Timeline timeline, Clock clock) {
        this.records = records;
        this.entities = entities;
        this.priorities = priorities;
        this.timeline = timeline;
        this.clock = clock;
    }

    void refresh(String tenantId, UUID entityId, RefreshCause cause) {
        EntityStore.EntityRow entity = entities.find(tenantId, entityId).orElseThrow();
        List<StoredRecord> members = records.members(tenantId, entityId);
        boolean deleted = !members.isEmpty() && members.stream().allMatch(StoredRecord::deleted);
        Map<String, List<FieldValue>> candidates = new HashMap<>();
        Map<ExternalRef, UUID> recordIds = new HashMap<>();
        for (StoredRecord member : members) {
            recordIds.put(member.ref(), member.recordId());
            // Deleted records no longer speak for the entity, unless nothing else does: then its page still
            // shows what it was.
            if (!member.deleted() || deleted) {
                member.fields().forEach((field, value) ->
                        candidates.computeIfAbsent(field, f -> new ArrayList<>()).add(value));
            }
        }
        Map<String, List<FieldValue>> decided = new Survivorship(priorities.get(tenantId)).decide(candidates);
        Map<String, Object> winners = Survivorship.winners(decided);

        if (cause.recordsChanges()) {
            recordChanges(tenantId, entity, decided, recordIds, cause);
        }
        entities.saveGolden(tenantId, entityId, EntityPresentation.displayName(entity.type(), winners),
                EntityPresentation.searchText(candidates), Json.write(goldenJson(decided)), deleted, clock.instant());
    }

    private void recordChanges(String tenantId, EntityStore.EntityRow entity, Map<String, List<FieldValue>> decided,
                               Map<ExternalRef, UUID> recordIds, RefreshCause cause) {
        if (entity.type() == EntityType.INTERACTION || entity.type() == EntityType.NOTE) {
            return;
        }
        Map<String, Object> before = previousValues(entity.goldenJson());
        if (entity.type() == EntityType.DEAL && before.isEmpty() && !decided.isEmpty()) {
            FieldValue stage = decided.containsKey("stage") ? decided.get("stage").get(0) : null;
            FieldValue any = stage != null ? stage : decided.values().iterator().next().get(0);
            timeline.append(tenantId, TimelineEvent.of(cause.at(), "deal_created", recordIds.get(any.source()),
                    entity.entityId(), "Deal created" + (stage == null ? "" : " in stage " + stage.value()),
                    stage == null ? Map.of() : Map.of("stage", stage.value())));
            return;
        }
        decided.forEach((field, ordered) -> {
            FieldValue winner = ordered.get(0);
            Object previous = before.get(field);
            if (previous == null || sameValue(previous, winner.value())) {
                return;
            }
            boolean stageChange = entity.type() == EntityType.DEAL && field.equals("stage");
            String summary = stageChange
                    ? "Stage " + previous + " → " + winner.value()
                    : field + " changed from " + previous + " to " + winner.value();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("field", field);
            detail.put("from", previous);
            detail.put("to", winner.value());
            detail.put("source", sourceJson(winner));
            detail.put("because", cause.reason());
            timeline.append(tenantId, TimelineEvent.of(cause.at(), stageChange ? "deal_stage_changed" : "field_changed",
                    recordIds.get(winner.source()), entity.entityId(), summary, detail));
        });
    }

    private static boolean sameValue(Object previous, Object current) {
        return Objects.equals(String.valueOf(previous), String.valueOf(current));
    }

    private static Map<String, Object> previousValues(String goldenJson) {
        Map<String, Object> values = new HashMap<>();
        Json.read(goldenJson).fields().forEachRemaining(entry -> values.put(entry.getKey(),
                Json.mapper().convertValue(entry.getValue().get("value"), Object.class)));
        return values;
    }

    static Map<String, Object> goldenJson(Map<String, List<FieldValue>> decided) {
        Map<String, Object> golden = new LinkedHashMap<>();
        decided.forEach((field, ordered) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("value", ordered.get(0).value());
            entry.put("source", sourceJson(ordered.get(0)));
            List<Map<String, Object>> alternatives = new ArrayList<>();
            for (FieldValue other : ordered.subList(1, ordered.size())) {
                alternatives.add(Map.of("value", other.value(), "source", sourceJson(other)));
            }
            entry.put("alternatives", alternatives);
            golden.put(field, entry);
        });
        return golden;
    }

    static Map<String, Object> sourceJson(FieldValue value) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("system", value.source().system());
        source.put("object", value.source().object());
        source.put("externalId", value.source().externalId());
        source.put("observedAt", value.observedAt().toString());
        return source;
    }
}
