package dev.mosaic.graph;

import static dev.mosaic.platform.database.SqlArrays.rowsWithKeyIn;
import static dev.mosaic.platform.database.SqlArrays.uuids;

import dev.mosaic.platform.database.TenantWriteLock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets a source's records for good, as a person asks when they disconnect a source and want its data gone.
 * A source's own delete keeps the record for history; a forgotten record leaves nothing: not its values, links,
 * matching keys or timeline entries. An entity with no other source's record left goes too, with the people's
 * edits made on it (an edit alone describes nothing), the entities once merged into it, and its merge history.
 * An entity other sources still speak for stays, showing what they say.
 *
 * <p>A chunk at a time, in a constant number of statements, so that a million records are forgotten in many short
 * transactions rather than one that holds the tenant's write lock for minutes.
 */
@Service
public class GraphPurge {

    private final DSLContext db;
    private final GoldenRecords golden;
    private final RecordResolver resolver;
    private final TenantWriteLock writeLock;
    private final GraphFigures figures;

    GraphPurge(DSLContext db, GoldenRecords golden, RecordResolver resolver, TenantWriteLock writeLock,
               GraphFigures figures) {
        this.db = db;
        this.figures = figures;
        this.golden = golden;
        this.resolver = resolver;
        this.writeLock = writeLock;
    }

    /** Where a purge stands in a source's records: after this object and external id, in index order. */
    public record Cursor(String object, String externalId) {

        public static final Cursor START = new Cursor("", "");
    }

    /**
     * One chunk forgotten.
     *
     * @param next where the next chunk starts; null when no record was left
     */
    public record Forgotten(int records, int entities, Cursor next) {

        public boolean done() {
            return next == null;
        }
    }

    /**
     * Forgets up to {@code limit} records of {@code system} whose external id starts with {@code externalIdPrefix}
     * (for Salesforce, the org id and a slash), after {@code after}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Forgotten forgetNext(String tenantId, String system, String externalIdPrefix, Cursor after, int limit) {
        writeLock.lock(tenantId);
        // Walks the (tenant, system, object, external id) key from the cursor: rows a chunk deleted are not read again.
        List<Record> rows = db.fetch("""
                select record_id, entity_id, object, external_id from source_record
                where tenant_id = ? and system = ? and (object, external_id) > (?, ?)
                order by object, external_id limit ?""", tenantId, system, after.object(), after.externalId(), limit);
        if (rows.isEmpty()) {
            return new Forgotten(0, 0, null);
        }
        List<UUID> recordIds = new ArrayList<>();
        Set<UUID> entityIds = new LinkedHashSet<>();
        for (Record row : rows) {
            if (row.get("external_id", String.class).startsWith(externalIdPrefix)) {
                recordIds.add(row.get("record_id", UUID.class));
                entityIds.add(row.get("entity_id", UUID.class));
            }
        }
        Record last = rows.get(rows.size() - 1);
        Cursor next = new Cursor(last.get("object", String.class), last.get("external_id", String.class));
        if (recordIds.isEmpty()) {
            return new Forgotten(0, 0, next);
        }
        // An organization Mosaic made for these records' email domain goes with them unless other contacts work there.
        entityIds.addAll(inferredTargets(tenantId, recordIds));
        deleteByKey("link", "from_record", recordIds, tenantId);
        deleteByKey("link_decision", "from_record", recordIds, tenantId);
        deleteByKey("timeline_event", "subject_record", recordIds, tenantId);
        deleteByKey("source_record", "record_id", recordIds, tenantId);

        List<UUID> emptied = emptied(tenantId, entityIds);
        List<UUID> gone = new ArrayList<>(emptied);
        gone.addAll(mergedInto(tenantId, emptied));
        List<UUID> forgotten = new ArrayList<>(recordIds);
        if (!emptied.isEmpty()) {
            // What is left of them is people's edits and what Mosaic inferred from the records forgotten.
            forgotten.addAll(db.fetch("delete from source_record where tenant_id = ? and "
                    + rowsWithKeyIn("source_record", "entity_id") + " returning record_id", tenantId, uuids(emptied), tenantId)
                    .map(row -> row.get(0, UUID.class)));
        }
        deleteByKey("timeline_event", "subject_entity", gone, tenantId);
        deleteByKey("entity_golden", "entity_id", gone, tenantId);
        deleteByKey("entity", "entity_id", gone, tenantId);
        resolver.forget(tenantId, forgotten, gone);

        Set<UUID> remaining = new HashSet<>(entityIds);
        emptied.forEach(remaining::remove);
        golden.refresh(tenantId, remaining, RefreshCause.recordsForgotten());
        figures.markChanged(tenantId);
        return new Forgotten(recordIds.size(), gone.size(), next);
    }

    private void deleteByKey(String table, String keyColumn, List<UUID> keys, String tenantId) {
        if (!keys.isEmpty()) {
            db.execute("delete from " + table + " where tenant_id = ? and " + rowsWithKeyIn(table, keyColumn), tenantId,
                    uuids(keys), tenantId);
        }
    }

    /** The entities of the records Mosaic made itself that these records link to (by inference). */
    private List<UUID> inferredTargets(String tenantId, List<UUID> recordIds) {
        return db.fetch("""
                        select distinct t.entity_id from unnest(?::uuid[]) as ids(id)
                        cross join lateral (select to_system, to_object, to_external_id from link
                            where tenant_id = ? and from_record = ids.id and inferred and to_system = ? offset 0) l
                        cross join lateral (select entity_id from source_record where tenant_id = ? and system = l.to_system
                            and object = l.to_object and external_id = l.to_external_id offset 0) t""",
                        uuids(recordIds), tenantId, Survivorship.MOSAIC, tenantId)
                .map(row -> row.get(0, UUID.class));
    }

    /**
     * Entities no source speaks for any more: none of their records is left but people's edits, and organizations
     * Mosaic made for an email domain that no remaining contact works at.
     */
    private List<UUID> emptied(String tenantId, Set<UUID> entityIds) {
        return db.fetch("""
                        select ids.id from unnest(?::uuid[]) as ids(id)
                        where not exists (select 1 from source_record r where r.tenant_id = ? and r.entity_id = ids.id
                            and (r.system <> ? or r.object <> ? and exists (select 1 from link l where l.tenant_id = r.tenant_id
                                and l.to_system = r.system and l.to_object = r.object and l.to_external_id = r.external_id))
                            offset 0)""", uuids(entityIds), tenantId, Survivorship.MOSAIC, Survivorship.EDIT)
                .map(row -> row.get(0, UUID.class));
    }

    private List<UUID> mergedInto(String tenantId, List<UUID> entityIds) {
        if (entityIds.isEmpty()) {
            return List.of();
        }
        return db.fetch("select e.entity_id from unnest(?::uuid[]) as ids(id) cross join lateral (select entity_id from entity "
                + "where tenant_id = ? and merged_into = ids.id offset 0) e", uuids(entityIds), tenantId)
                .map(row -> row.get(0, UUID.class));
    }
}
