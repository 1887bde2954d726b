package dev.mosaic.graph;

import com.fasterxml.jackson.databind.JsonNode;
import static dev.mosaic.platform.database.SqlTimes.instant;
import static dev.mosaic.platform.database.SqlTimes.utc;

import dev.mosaic.platform.json.Json;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

/** SQL for source records and their links. Package-private: the graph's services are its only callers. */
@Component
class RecordStore {

    private static final String COLUMNS = "record_id, system, object, external_id, entity_type, entity_id, url, "
            + "fields::text as fields, content_hash, deleted, first_seen_at, last_seen_at";

    private final DSLContext db;

    RecordStore(DSLContext db) {
        this.db = db;
    }

    Optional<StoredRecord> findForUpdate(String tenantId, ExternalRef ref) {
        return db.fetchOptional("select " + COLUMNS + " from source_record where tenant_id = ? and system = ? "
                        + "and object = ? and external_id = ? for update",
                tenantId, ref.system(), ref.object(), ref.externalId()).map(RecordStore::toRecord);
    }

    Optional<StoredRecord> find(String tenantId, UUID recordId) {
        return db.fetchOptional("select " + COLUMNS + " from source_record where tenant_id = ? and record_id = ?",
                tenantId, recordId).map(RecordStore::toRecord);
    }

    List<StoredRecord> members(String tenantId, UUID entityId) {
        return db.fetch("select " + COLUMNS + " from source_record where tenant_id = ? and entity_id = ? "
                + "order by first_seen_at, record_id", tenantId, entityId).map(RecordStore::toRecord);
    }

    void insert(String tenantId, StoredRecord record) {
        db.execute("insert into source_record (tenant_id, record_id, system, object, external_id, entity_type, "
                        + "entity_id, url, fields, content_hash, deleted, first_seen_at, last_seen_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::timestamptz, ?::timestamptz)",
                tenantId, record.recordId(), record.ref().system(), record.ref().object(), record.ref().externalId(),
                record.type().key(), record.entityId(), record.url(), fieldsJson(record.fields()),
                record.contentHash(), record.deleted(), utc(record.firstSeenAt()), utc(record.lastSeenAt()));
    }

    void update(String tenantId, StoredRecord record) {
        db.execute("update source_record set url = ?, fields = ?::jsonb, content_hash = ?, deleted = ?, "
                        + "last_seen_at = ?::timestamptz where tenant_id = ? and record_id = ?",
                record.url(), fieldsJson(record.fields()), record.contentHash(), record.deleted(),
                utc(record.lastSeenAt()), tenantId, record.recordId());
    }

    void replaceLinks(String tenantId, UUID fromRecord, List<LinkInput> links) {
        db.execute("delete from link where tenant_id = ? and from_record = ?", tenantId, fromRecord);
        for (LinkInput link : links) {
            db.execute("insert into link (tenant_id, from_record, kind, to_system, to_object, to_external_id, attributes) "
                            + "values (?, ?, ?, ?, ?, ?, ?::jsonb) on conflict do nothing",
                    tenantId, fromRecord, link.kind().key(), link.target().system(), link.target().object(),
                    link.target().externalId(), Json.write(link.attributes()));
        }
    }

    /** Moves every record of one entity to another; returns the ids moved. */
    List<UUID> moveAll(String tenantId, UUID fromEntity, UUID toEntity) {
        return db.fetch("update source_record set entity_id = ? where tenant_id = ? and entity_id = ? returning record_id",
                toEntity, tenantId, fromEntity).getValues("record_id", UUID.class);
    }

    void move(String tenantId, List<UUID> recordIds, UUID fromEntity, UUID toEntity) {
        for (UUID recordId : recordIds) {
            db.execute("update source_record set entity_id = ? where tenant_id = ? and record_id = ? and entity_id = ?",
                    toEntity, tenantId, recordId, fromEntity);
        }
    }

    private static StoredRecord toRecord(Record row) {
        ExternalRef ref = new ExternalRef(row.get("system", String.class), row.get("object", String.class),
                row.get("external_id", String.class));
        return new StoredRecord(row.get("record_id", UUID.class), ref,
                EntityType.fromKey(row.get("entity_type", String.class)), row.get("entity_id", UUID.class),
                row.get("url", String.class), readFields(ref, row.get("fields", String.class)),
                row.get("content_hash", String.class), row.get("deleted", Boolean.class),
                instant(row, "first_seen_at"), instant(row, "last_seen_at"));
    }

    private static Map<String, FieldValue> readFields(ExternalRef ref, String json) {
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        JsonNode node = Json.read(json);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Object value = Json.mapper().convertValue(entry.getValue().get("v"), Object.class);
            fields.put(entry.getKey(), new FieldValue(value, ref, Instant.parse(entry.getValue().get("at").asText())));
        }
        return fields;
    }

    private static String fieldsJson(Map<String, FieldValue> fields) {
        Map<String, Object> stored = new LinkedHashMap<>();
        fields.forEach((name, value) -> stored.put(name, Map.of("v", value.value(), "at", value.observedAt().toString())));
        return Json.write(stored);
    }
}
