package dev.mosaic.graph;

import static dev.mosaic.platform.database.SqlTimes.utc;

import dev.mosaic.platform.database.SqlTimes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** SQL for entities: creation, golden values, and the merged-into pointers. */
@Component
class EntityStore {

    private final DSLContext db;

    EntityStore(DSLContext db) {
        this.db = db;
    }

    void create(String tenantId, UUID entityId, EntityType type, Instant now) {
        db.execute("insert into entity (tenant_id, entity_id, entity_type, created_at, updated_at) values (?, ?, ?, ?::timestamptz, ?::timestamptz)",
                tenantId, entityId, type.key(), utc(now), utc(now));
    }

    Optional<EntityRow> find(String tenantId, UUID entityId) {
        return db.fetchOptional("select entity_id, entity_type, merged_into, deleted, display_name, golden::text as golden, "
                        + "created_at, updated_at from entity where tenant_id = ? and entity_id = ?", tenantId, entityId)
                .map(row -> new EntityRow(row.get("entity_id", UUID.class),
                        EntityType.fromKey(row.get("entity_type", String.class)), row.get("merged_into", UUID.class),
                        row.get("deleted", Boolean.class), row.get("display_name", String.class),
                        row.get("golden", String.class), SqlTimes.instant(row, "created_at"),
                        SqlTimes.instant(row, "updated_at")));
    }

    /** Locks the entity rows so that two writers never move the same cluster at once. */
    void lock(String tenantId, UUID... entityIds) {
        for (UUID entityId : entityIds) {
            db.execute("select 1 from entity where tenant_id = ? and entity_id = ? for update", tenantId, entityId);
        }
    }

    void saveGolden(String tenantId, UUID entityId, String displayName, String searchText, String goldenJson,
                    boolean deleted, Instant now) {
        db.execute("update entity set display_name = ?, search_text = ?, golden = ?::jsonb, deleted = ?, updated_at = ?::timestamptz "
                + "where tenant_id = ? and entity_id = ?", displayName, searchText, goldenJson, deleted, utc(now),
                tenantId, entityId);
    }

    /** Entities currently merged into this one (flattened: never more than one hop). */
    List<UUID> mergedInto(String tenantId, UUID survivorId) {
        return db.fetch("select entity_id from entity where tenant_id = ? and merged_into = ?", tenantId, survivorId)
                .getValues("entity_id", UUID.class);
    }

    void setMergedInto(String tenantId, List<UUID> entityIds, UUID survivorId, Instant now) {
        for (UUID entityId : entityIds) {
            db.execute("update entity set merged_into = ?, updated_at = ?::timestamptz where tenant_id = ? and entity_id = ?",
                    survivorId, utc(now), tenantId, entityId);
        }
    }

    record EntityRow(UUID entityId, EntityType type, UUID mergedInto, boolean deleted, String displayName,
                     String goldenJson, Instant createdAt, Instant updatedAt) {
    }
}
