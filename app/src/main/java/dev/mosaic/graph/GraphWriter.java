package dev.mosaic.graph;

import dev.mosaic.platform.database.TenantWriteLock;
import dev.mosaic.platform.errors.NotFoundException;
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
 * Writes what sources say into the graph. Callers hold a transaction (and should take the tenant's write
 * lock first, before any row lock); identity resolution runs after each write, in the same transaction, so
 * a crash never leaves a record half-resolved.
 */
@Service
public class GraphWriter {

    private final RecordStore records;
    private final EntityStore entities;
    private final GoldenRecords golden;
    private final Timeline timeline;
    private final TenantWriteLock writeLock;
    private final Clock clock;

    GraphWriter(RecordStore records, EntityStore entities, GoldenRecords golden, Timeline timeline,
                TenantWriteLock writeLock, Clock clock) {
        this.writeLock = writeLock;
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
        writeLock.lock(tenantId);
        String hash = Json.hash(List.of(input.type().key(), String.valueOf(input.url()), input.fields(),
                input.links().stream().map(link -> List.of(link.kind().key(), link.target().toString(), link.attributes())).toList(),
                String.valueOf(input.sourceVersion()), input.deleted()));
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
        golden.refresh(tenantId, record.entityId(), RefreshCause.sourceWrite(input.observedAt()));
        return new UpsertResult(record.recordId(), record.entityId(), outcome);
    }

    /**
     * A person's edit in Mosaic: kept as the entity's own "mosaic" record, which wins survivorship over
     * every sync. It stays with the entity it was made on, through merges and unmerges. An id that was
     * merged away edits the entity it is part of now. Returns the id of the entity edited.
     */
    public UUID edit(String tenantId, UUID requestedId, Map<String, Object> fields, String editorEmail) {
        writeLock.lock(tenantId);
        EntityStore.EntityRow entity = entities.find(tenantId, requestedId)
                .map(row -> row.mergedInto() == null ? row : entities.find(tenantId, row.mergedInto()).orElseThrow())
                .orElseThrow(() -> new NotFoundException("There is no entity " + requestedId));
        ExternalRef ref = new ExternalRef(Survivorship.MOSAIC, "edit", entity.entityId().toString());
        Instant now = clock.instant();
        Optional<StoredRecord> existing = records.findForUpdate(tenantId, ref);
        Map<String, FieldValue> edited = new LinkedHashMap<>(existing.map(StoredRecord::fields).orElse(Map.of()));
        fields.forEach((name, value) -> edited.put(name, new FieldValue(value, ref, now)));
        Map<String, Object> content = new LinkedHashMap<>();
        edited.forEach((name, value) -> content.put(name, value.value()));
        String hash = Json.hash(content);
        // The edit record stays with the entity it was made on; after a merge that may be another entity.
        UUID owner = existing.map(StoredRecord::entityId).orElse(entity.entityId());
        if (existing.isEmpty()) {
            records.insert(tenantId, new StoredRecord(UUID.randomUUID(), ref, entity.type(), owner, null,
                    edited, hash, false, now, now));
        } else {
            StoredRecord old = existing.get();
            records.update(tenantId, new StoredRecord(old.recordId(), ref, old.type(), owner, null,
                    edited, hash, false, old.firstSeenAt(), now));
        }
        golden.refresh(tenantId, owner, RefreshCause.edit(now));
        return owner;
    }

    /** Per field, the newer observation wins: a late-arriving older message never overwrites a newer value. */
    private static Map<String, FieldValue> observed(SourceRecordInput input, Map<String, FieldValue> before) {
        Map<String, FieldValue> fields = new LinkedHashMap<>(before);
        input.fields().forEach((name, value) -> {
            FieldValue known = fields.get(name);
            if (known == null || !known.observedAt().isAfter(input.observedAt())) {
                fields.put(name, new FieldValue(value, input.ref(), input.observedAt()));
            }
        });
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
