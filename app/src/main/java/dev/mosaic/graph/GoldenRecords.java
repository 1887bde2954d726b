package dev.mosaic.graph;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Recomputes entities' golden values from their member records, and records what changed on their
 * timelines, for many entities at once: one read of the entities, one of their members, one write.
 * Called after anything that changes the members: records written, merges, unmerges, a person's edit.
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

    void refresh(String tenantId, Collection<UUID> entityIds, RefreshCause cause) {
        save(tenantId, compute(tenantId, entityIds, id -> cause));
    }

    /** The entities' golden values as their members now make them; their changes go on the timeline at once. */
    Map<UUID, GoldenValues> compute(String tenantId, Collection<UUID> entityIds, Function<UUID, RefreshCause> causes) {
        if (entityIds.isEmpty()) {
            return Map.of();
        }
        List<UUID> ids = List.copyOf(Set.copyOf(entityIds));
        Survivorship survivorship = survivorship(tenantId);
        Map<UUID, EntityStore.EntityRow> rows = entities.findAll(tenantId, ids);
        Map<UUID, List<StoredRecord>> members = records.members(tenantId, ids);
        Map<UUID, GoldenValues> computed = new LinkedHashMap<>();
        List<TimelineEvent> changes = new ArrayList<>();
        for (UUID id : ids) {
            EntityStore.EntityRow row = rows.get(id);
            GoldenValues golden = GoldenValues.of(row.type(), members.get(id), survivorship);
            changes.addAll(FieldChanges.between(row.type(), id, row.goldenJson(), golden,
                    FieldChanges.recordIds(members.get(id)), causes.apply(id)));
            computed.put(id, golden);
        }
        timeline.appendAll(tenantId, changes);
        return computed;
    }

    void save(String tenantId, Map<UUID, GoldenValues> golden) {
        entities.saveGolden(tenantId, golden, clock.instant());
    }

    /** The golden values an entity page shows: stored, or for an interaction or a note, its record's values. */
    String shownJson(String tenantId, EntityStore.EntityRow row) {
        if (row.goldenJson() != null) {
            return row.goldenJson();
        }
        List<StoredRecord> members = records.members(tenantId, List.of(row.entityId())).get(row.entityId());
        return GoldenValues.of(row.type(), members, survivorship(tenantId)).json();
    }

    Survivorship survivorship(String tenantId) {
        return new Survivorship(priorities.get(tenantId));
    }
}
