package dev.mosaic.graph;

import dev.mosaic.platform.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Writes what sources say into the graph. Callers hold a transaction; identity resolution runs after each
 * write, in the same transaction, so a crash never leaves a record half-resolved.
 */
@Service
public class GraphWriter {

    private final RecordStore records;
    private final EntityStore entities;
    private final GoldenRecords golden;
    private final Timeline timeline;
    private final Clock clock;

    GraphWriter(RecordStore records, EntityStore entities, GoldenRecords golden, Timeline timeline, Clock clock) {
        this.records = records;
        this.entities = entities;
        this.golden = golden;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * Creates or updates the record. A new record gets an entity of its own; identity resolution decides
     * afterwards whether it joins another. Sending the same content again changes nothing.
     */
    public UpsertResult upsert(String tenantId, SourceRecordInput input) {
        String hash = Json.hash(List.of(input.type().key(), String.valueOf(input.url()), input.fields(),
                input.links().stream().map(link -> List.of(link.kind().key(), link.target().toString(), link.attributes())).toList(),
                input.deleted()));
        Optional<StoredRecord> existing = records.findForUpdate(tenantId, input.ref());
        if (existing.isPresent() && existing.get().contentHash().equals(hash)) {
            return new UpsertResult(existing.get().recordId(), existing.get().entityId(), UpsertResult.Outcome.UNCHANGED);
        }
        Instant now = clock.instant();
        StoredRecord record;
        UpsertResult.Outcome outcome;
        if (existing.isEmpty()) {
            UUID entityId = UUID.randomUUID();
            entities.create(tenantId, entityId, input.type(), now);
            record = new StoredRecord(UUID.randomUUID(), input.ref(), input.type(), entityId, input.url(),
                    observed(input, Map.of()), hash, input.deleted(), now, now);
            records.insert(tenantId, record);
            outcome = UpsertResult.Outcome.CREATED;
        } else {
            StoredRecord old = existing.get();
            record = new StoredRecord(old.recordId(), old.ref(), old.type(), old.entityId(),
                    input.url() != null ? input.url() : old.url(), observed(input, old.fields()), hash, input.deleted(),
                    old.firstSeenAt(), now);
            records.update(tenantId, record);
            outcome = UpsertResult.Outcome.UPDATED;
        }
        records.replaceLinks(tenantId, record.recordId(), input.links());
        putOwnTimelineEntry(tenantId, record);
        golden.refresh(tenantId, record.entityId());
        return new UpsertResult(record.recordId(), record.entityId(), outcome);
    }

    /**
     * A person's edit in Mosaic: kept as the entity's own "mosaic" record, which wins survivorship over
     * every sync. It stays with the entity it was made on, through merges and unmerges.
     */
    public void edit(String tenantId, UUID entityId, Map<String, Object> fields, String editorEmail) {
        EntityStore.EntityRow entity = entities.find(tenantId, entityId)
                .orElseThrow(() -> new IllegalArgumentException("No entity " + entityId));
        ExternalRef ref = new ExternalRef(Survivorship.MOSAIC, "edit", entityId.toString());
        Instant now = clock.instant();
        Optional<StoredRecord> existing = records.findForUpdate(tenantId, ref);
        Map<String, FieldValue> merged = new LinkedHashMap<>(existing.map(StoredRecord::fields).orElse(Map.of()));
        fields.forEach((name, value) -> merged.put(name, new FieldValue(value, ref, now)));
        String hash = Json.hash(Map.of("edit", now.toString(), "by", editorEmail));
        if (existing.isEmpty()) {
            records.insert(tenantId, new StoredRecord(UUID.randomUUID(), ref, entity.type(), entityId, null,
                    merged, hash, false, now, now));
        } else {
            StoredRecord old = existing.get();
            records.update(tenantId, new StoredRecord(old.recordId(), ref, old.type(), old.entityId(), null,
                    merged, hash, false, old.firstSeenAt(), now));
        }
        golden.refresh(tenantId, existing.map(StoredRecord::entityId).orElse(entityId));
    }

    private static Map<String, FieldValue> observed(SourceRecordInput input, Map<String, FieldValue> before) {
        Map<String, FieldValue> fields = new LinkedHashMap<>(before);
        input.fields().forEach((name, value) -> fields.put(name, new FieldValue(value, input.ref(), input.observedAt())));
        return fields;
    }

    private void putOwnTimelineEntry(String tenantId, StoredRecord record) {
        if (record.type() != EntityType.INTERACTION && record.type() != EntityType.NOTE) {
            return;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        record.fields().forEach((name, value) -> values.put(name, value.value()));
        Instant occurredAt = parseInstant(values.get(record.type() == EntityType.INTERACTION ? "occurredAt" : "createdAt"))
                .orElse(record.firstSeenAt());
        String kind = record.type() == EntityType.INTERACTION ? "interaction" : "note";
        String summary = record.type() == EntityType.INTERACTION
                ? capitalize(String.valueOf(values.getOrDefault("type", "interaction")))
                  + (values.containsKey("subject") ? ": " + values.get("subject") : "")
                : "Note" + (values.containsKey("title") ? ": " + values.get("title") : "");
        timeline.putRecordEntry(tenantId, record,
                new TimelineEvent(record.recordId(), occurredAt, kind, record.recordId(), record.entityId(), summary, values));
    }

    private static Optional<Instant> parseInstant(Object value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Instant.parse(String.valueOf(value)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
