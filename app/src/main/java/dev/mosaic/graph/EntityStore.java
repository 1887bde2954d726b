package dev.mosaic.graph;

import dev.mosaic.platform.database.Rows;
import static dev.mosaic.platform.database.SqlArrays.booleans;
import static dev.mosaic.platform.database.SqlArrays.rowsWithKeyIn;
import static dev.mosaic.platform.database.SqlArrays.texts;
import static dev.mosaic.platform.database.SqlArrays.uuids;
import static dev.mosaic.platform.database.SqlTimes.utc;

import dev.mosaic.platform.database.CopyIn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** SQL for entities: creation with their first golden values, golden values, and the merged-into pointers. */
@Component
class EntityStore {

    /** An entity with its stored golden values (none for interactions and notes: see {@link #storesGolden}). */
    private static final String WITH_GOLDEN = "select e.entity_id, e.entity_type, e.merged_into, e.deleted, e.display_name, "
            + "g.golden::text as golden, e.created_at, e.updated_at from entity e left join entity_golden g "
            + "on g.tenant_id = e.tenant_id and g.entity_id = e.entity_id ";

    private final DSLContext db;

    EntityStore(DSLContext db) {
        this.db = db;
    }

    /** How many live entities of a type the tenant has. */
    long countLive(String tenantId, EntityType type) {
        return db.fetchOne("select count(*) from entity where tenant_id = ? and entity_type = ? and merged_into is null "
                + "and not deleted", tenantId, type.key()).get(0, Long.class);
    }

    /** Whether an entity's golden values are stored: not for interactions and notes (see {@link EntityType#isTimelineEntry}). */
    static boolean storesGolden(EntityType type) {
        return !type.isTimelineEntry();
    }

    /** New entities, each with the golden values of its first record, in one COPY per table. */
    void createAll(String tenantId, List<NewEntity> entities, Instant now) {
        CopyIn rows = CopyIn.into("entity", "tenant_id", "entity_id", "entity_type", "deleted", "display_name", "search_text",
                "created_at", "updated_at");
        CopyIn golden = CopyIn.into("entity_golden", "tenant_id", "entity_id", "golden");
        for (NewEntity entity : entities) {
            rows.row(tenantId, entity.entityId(), entity.type().key(), entity.golden().deleted(), entity.golden().displayName(),
                    entity.golden().searchText(), now, now);
            if (storesGolden(entity.type())) {
                golden.row(tenantId, entity.entityId(), entity.golden().json());
            }
        }
        rows.copy(db);
        golden.copy(db);
    }

    Optional<EntityRow> find(String tenantId, UUID entityId) {
        return Rows.fetch(db, WITH_GOLDEN + "where e.tenant_id = ? and e.entity_id = ?", tenantId, entityId).first()
                .map(EntityStore::toRow);
    }

    /**
     * The live entity an id names now, itself or the one it was merged into (merges are flattened: one hop), in one
     * read of the two rows' ids, kinds and creation times: every API call about an entity starts here, and reading its
     * golden values too cost more than the rest of the lookup.
     */
    Optional<EntityHandle> current(String tenantId, UUID entityId) {
        return Rows.fetch(db, "select e.merged_into, now_.entity_id, now_.entity_type, now_.created_at from entity e "
                        + "left join entity now_ on now_.tenant_id = e.tenant_id and now_.entity_id = coalesce(e.merged_into, e.entity_id) "
                        + "where e.tenant_id = ? and e.entity_id = ?", tenantId, entityId).first()
                .map(row -> {
                    if (row.get("entity_id", UUID.class) == null) {
                        throw new IllegalStateException("Entity " + entityId + " is merged into a missing entity "
                                + row.get("merged_into", UUID.class));
                    }
                    return new EntityHandle(row.get("entity_id", UUID.class),
                            EntityType.fromKey(row.get("entity_type", String.class)), row.instant("created_at"));
                });
    }

    Map<UUID, EntityRow> findAll(String tenantId, Collection<UUID> entityIds) {
        Map<UUID, EntityRow> rows = new HashMap<>();
        Rows.fetch(db, "select e.* from unnest(?::uuid[]) as ids(id) cross join lateral (" + WITH_GOLDEN
                + "where e.tenant_id = ? and e.entity_id = ids.id offset 0) e", uuids(entityIds), tenantId).forEach(row -> {
                    EntityRow entity = toRow(row);
                    rows.put(entity.entityId(), entity);
                });
        return rows;
    }

    /** When each of these entities was made, in one read. */
    Map<UUID, Instant> createdAt(String tenantId, Collection<UUID> entityIds) {
        Map<UUID, Instant> createdAt = new HashMap<>();
        if (!entityIds.isEmpty()) {
            Rows.fetch(db, "select e.* from unnest(?::uuid[]) as ids(id) cross join lateral (select entity_id, created_at from entity "
                            + "where tenant_id = ? and entity_id = ids.id offset 0) e", uuids(entityIds), tenantId)
                    .forEach(row -> createdAt.put(row.get("entity_id", UUID.class), row.instant("created_at")));
        }
        return createdAt;
    }

    /** Writes recomputed golden values, one statement for all. */
    void saveGolden(String tenantId, Map<UUID, GoldenValues> golden, Instant now) {
        if (golden.isEmpty()) {
            return;
        }
        List<Map.Entry<UUID, GoldenValues>> rows = List.copyOf(golden.entrySet());
        db.execute("""
                update entity e set display_name = g.display_name, search_text = g.search_text, deleted = g.deleted,
                    updated_at = ?::timestamptz
                from (select found.row_ctid, g.* from unnest(?::uuid[], ?::text[], ?::text[], ?::boolean[])
                          as g(entity_id, display_name, search_text, deleted)
                      cross join lateral (select ctid as row_ctid from entity
                          where tenant_id = ? and entity_id = g.entity_id offset 0) found) g
                where e.tenant_id = ? and e.ctid = g.row_ctid
                """, utc(now), uuids(rows, Map.Entry::getKey), texts(rows, row -> row.getValue().displayName()),
                texts(rows, row -> row.getValue().searchText()), booleans(rows, row -> row.getValue().deleted()), tenantId,
                tenantId);
        List<Map.Entry<UUID, GoldenValues>> stored = rows.stream().filter(row -> storesGolden(row.getValue().type())).toList();
        if (!stored.isEmpty()) {
            // Each row finds its own by the primary key: the conflict check is an index probe per row.
            db.execute("""
                    insert into entity_golden (tenant_id, entity_id, golden) select ?, g.* from unnest(?::uuid[], ?::json[])
                        as g(entity_id, golden)
                    on conflict (tenant_id, entity_id) do update set golden = excluded.golden
                    """, tenantId, uuids(stored, Map.Entry::getKey), texts(stored, row -> row.getValue().json()));
        }
    }

    /** Each live entity's cluster: itself and the entities merged into it (merges are flattened: one hop). */
    Map<UUID, List<UUID>> clusters(String tenantId, Collection<UUID> liveIds) {
        Map<UUID, List<UUID>> clusters = new HashMap<>();
        liveIds.forEach(id -> clusters.put(id, new ArrayList<>(List.of(id))));
        Rows.fetch(db, "select m.* from unnest(?::uuid[]) as ids(id) cross join lateral (select entity_id, merged_into from entity "
                                + "where tenant_id = ? and merged_into = ids.id offset 0) m order by m.entity_id", uuids(liveIds), tenantId)
                .forEach(row -> clusters.get(row.get("merged_into", UUID.class)).add(row.get("entity_id", UUID.class)));
        return clusters;
    }

    /**
     * Points each merged entity, and the entities merged into it before, at its survivor; returns the entities
     * that moved, by merged entity (the merged one first).
     */
    Map<UUID, List<UUID>> mergeInto(String tenantId, Map<UUID, UUID> survivorOf, Instant now) {
        List<UUID> merged = List.copyOf(survivorOf.keySet());
        Map<UUID, List<UUID>> moved = new HashMap<>();
        merged.forEach(id -> moved.put(id, new ArrayList<>(List.of(id))));
        // Two statements: an OR of the two conditions would defeat both indexes.
        Rows.fetch(db, """
                        update entity e set merged_into = m.survivor, updated_at = ?::timestamptz
                        from (select found.row_ctid, m.* from unnest(?::uuid[], ?::uuid[]) as m(merged, survivor)
                              cross join lateral (select ctid as row_ctid from entity
                                  where tenant_id = ? and merged_into = m.merged offset 0) found) m
                        where e.tenant_id = ? and e.ctid = m.row_ctid
                        returning e.entity_id, m.merged
                        """, utc(now), uuids(merged), uuids(merged, survivorOf::get), tenantId, tenantId)
                .forEach(row -> moved.get(row.get("merged", UUID.class)).add(row.get("entity_id", UUID.class)));
        db.execute("""
                update entity e set merged_into = m.survivor, updated_at = ?::timestamptz
                from (select found.row_ctid, m.* from unnest(?::uuid[], ?::uuid[]) as m(merged, survivor)
                      cross join lateral (select ctid as row_ctid from entity
                          where tenant_id = ? and entity_id = m.merged offset 0) found) m
                where e.tenant_id = ? and e.ctid = m.row_ctid
                """, utc(now), uuids(merged), uuids(merged, survivorOf::get), tenantId, tenantId);
        return moved;
    }

    void setMergedInto(String tenantId, List<UUID> entityIds, UUID survivorId, Instant now) {
        if (entityIds.isEmpty()) {
            return;
        }
        db.execute("update entity set merged_into = ?, updated_at = ?::timestamptz where tenant_id = ? and "
                + rowsWithKeyIn("entity", "entity_id"), survivorId, utc(now), tenantId, uuids(entityIds), tenantId);
    }

    private static EntityRow toRow(Rows.Row row) {
        return new EntityRow(row.get("entity_id", UUID.class), EntityType.fromKey(row.get("entity_type", String.class)),
                row.get("merged_into", UUID.class), row.get("deleted", Boolean.class), row.get("display_name", String.class),
                row.get("golden", String.class), row.instant("created_at"), row.instant("updated_at"));
    }

    /** An entity a chunk creates, with the golden values of its one record. */
    record NewEntity(UUID entityId, EntityType type, GoldenValues golden) {
    }

    /** @param goldenJson the stored golden values, null for an interaction or a note (see {@link #storesGolden}) */
    record EntityRow(UUID entityId, EntityType type, UUID mergedInto, boolean deleted, String displayName,
                     String goldenJson, Instant createdAt, Instant updatedAt) {
    }
}
