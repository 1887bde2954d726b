package dev.mosaic.graph;

import dev.mosaic.platform.database.Rows;
import dev.mosaic.platform.database.SqlArrays;
import dev.mosaic.platform.database.SqlTimes;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.platform.errors.NotFoundException;
import dev.mosaic.platform.json.Json;
import java.util.Set;
import java.util.HashSet;
import java.util.HashMap;
import java.util.Collection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/** Reads the graph for the API and the views. Every query names its tenant. */
@Service
public class GraphReader {

    private final DSLContext db;
    private final RecordStore records;
    private final EntityStore entities;
    private final GraphMerges merges;
    private final GoldenRecords golden;
    private final GraphFigures figures;

    GraphReader(DSLContext db, RecordStore records, EntityStore entities, GraphMerges merges, GoldenRecords golden,
                GraphFigures figures) {
        this.db = db;
        this.figures = figures;
        this.records = records;
        this.entities = entities;
        this.merges = merges;
        this.golden = golden;
    }

    /** The entity a source record belongs to now (after any merges). */
    public Optional<EntityHandle> resolve(String tenantId, ExternalRef ref) {
        return db.fetchOptional("select e.entity_id, e.entity_type, e.created_at from source_record r "
                        + "join entity e on e.tenant_id = r.tenant_id and e.entity_id = r.entity_id "
                        + "where r.tenant_id = ? and r.system = ? and r.object = ? and r.external_id = ?",
                        tenantId, ref.system(), ref.object(), ref.externalId())
                .map(row -> new EntityHandle(row.get("entity_id", UUID.class),
                        EntityType.fromKey(row.get("entity_type", String.class)), SqlTimes.instant(row, "created_at")));
    }

    /** Which of these records the graph holds (whatever became of them since: deleted and merged ones too). */
    public Set<ExternalRef> known(String tenantId, Collection<ExternalRef> refs) {
        Set<ExternalRef> known = new HashSet<>();
        records.byRefs(tenantId, refs, "system, object, external_id").forEach(row -> known.add(RecordStore.refOf(row)));
        return known;
    }

    /** The refs of those of these records their sources have not deleted. */
    public Map<UUID, ExternalRef> liveRefs(String tenantId, Collection<UUID> recordIds) {
        Map<UUID, ExternalRef> refs = new HashMap<>();
        if (recordIds.isEmpty()) {
            return refs;
        }
        Rows.fetch(db, "select r.* from unnest(?::uuid[]) as ids(id) cross join lateral (select record_id, system, object, "
                        + "external_id from source_record where tenant_id = ? and record_id = ids.id and not deleted offset 0) r",
                        SqlArrays.uuids(recordIds), tenantId)
                .forEach(row -> refs.put(row.get("record_id", UUID.class), new ExternalRef(row.get("system", String.class),
                        row.get("object", String.class), row.get("external_id", String.class))));
        return refs;
    }

    /**
     * Entities of one type whose names, emails or domains contain {@code query} (see {@link SearchFilter}), by name.
     *
     * <p>A term the trigram index serves is answered in one statement: its matches are all read to be sorted
     * anyway, so counting them there costs nothing, where a second statement would check them all again.
     */
    public Page<GraphViews.Summary> search(String tenantId, EntityType type, String query, int limit, int offset) {
        SearchFilter filter = SearchFilter.of(tenantId, type, query);
        Rows rows = Rows.fetch(db, "select entity_id, display_name, updated_at"
                + (filter.usesTrigrams() ? ", count(*) over () as total" : "") + " from entity where " + filter.where()
                + " order by lower(display_name), entity_id limit ? offset ?", filter.bindsThen(limit, offset));
        List<GraphViews.Summary> items = rows.map(row -> new GraphViews.Summary(row.get("entity_id", UUID.class), type,
                row.get("display_name", String.class), row.instant("updated_at")));
        // A page that is not full, and not past the end, already says how many match: most searches name one
        // customer and need no second statement to count them.
        boolean lastPage = items.size() < limit && (!items.isEmpty() || offset == 0);
        long total = filter.usesTrigrams() && !rows.isEmpty() ? rows.first().orElseThrow().get("total", Long.class)
                : lastPage ? offset + items.size()
                : filter.all() ? figures.liveCount(tenantId, type)
                : count("select count(*) from entity where " + filter.where(), filter.binds().toArray());
        return new Page<>(items, total);
    }

    /** Id, kind and name of the entity an id stands for now (itself, or the one it was merged into). */
    public GraphViews.Summary summary(String tenantId, UUID requestedId) {
        return db.fetchOptional("select now_.entity_id, now_.entity_type, now_.display_name, now_.updated_at from entity e "
                        + "join entity now_ on now_.tenant_id = e.tenant_id and now_.entity_id = coalesce(e.merged_into, e.entity_id) "
                        + "where e.tenant_id = ? and e.entity_id = ?", tenantId, requestedId)
                .map(row -> new GraphViews.Summary(row.get("entity_id", UUID.class),
                        EntityType.fromKey(row.get("entity_type", String.class)), row.get("display_name", String.class),
                        SqlTimes.instant(row, "updated_at")))
                .orElseThrow(() -> new NotFoundException("There is no entity " + requestedId));
    }

    /** The live entity an id names now (itself, or the one it was merged into), without reading what it shows. */
    public EntityHandle current(String tenantId, UUID requestedId) {
        return merges.current(tenantId, requestedId);
    }

    /** The entity, or the one it was merged into. */
    public GraphViews.Detail detail(String tenantId, UUID requestedId) {
        UUID id = merges.current(tenantId, requestedId).entityId();
        EntityStore.EntityRow row = entities.find(tenantId, id)
                .orElseThrow(() -> new NotFoundException("There is no entity " + requestedId));
        return new GraphViews.Detail(id, row.type(), row.displayName(), row.deleted(), Json.read(golden.shownJson(tenantId, row)),
                externalIds(tenantId, id), relations(tenantId, id), mergedIds(tenantId, id),
                row.createdAt(), row.updatedAt());
    }

    /**
     * The systems the tenant's records come from, in name order: one index probe per system (a loose index scan),
     * not a read of every record.
     */
    public List<String> systems(String tenantId) {
        return Rows.fetch(db, """
                        with recursive s as (
                            select min(system) as system from source_record where tenant_id = ?
                            union all
                            select (select min(system) from source_record where tenant_id = ? and system > s.system)
                            from s where s.system is not null)
                        select system from s where system is not null""", tenantId, tenantId)
                .map(row -> row.get(0, String.class));
    }

    /** What each of these entities shows now, in one read: their golden values, as their pages show them. */
    public Map<UUID, JsonNode> shownValues(String tenantId, Collection<UUID> entityIds) {
        Map<UUID, JsonNode> shown = new HashMap<>();
        if (entityIds.isEmpty()) {
            return shown;
        }
        entities.findAll(tenantId, entityIds).forEach((id, row) -> shown.put(id, Json.read(golden.shownJson(tenantId, row))));
        return shown;
    }

    /**
     * Newest first: the entity's own events (field changes, merges), and those of the interactions, notes and
     * deals that point at it; for an organization also the interactions and notes of its contacts, whichever
     * source they came from.
     */
    public Page<GraphViews.TimelineItem> timeline(String tenantId, UUID requestedId, int limit, int offset) {
        UUID id = merges.current(tenantId, requestedId).entityId();
        // Each step is one index probe per row of the step before (see SqlArrays): a timeline must not depend on
        // whether the statistics have seen its tenant yet, nor read the tenant's other events.
        String related = """
                with members as (
                    select record_id, system, object, external_id from source_record where tenant_id = ? and entity_id = ?),
                pointing as (
                    select l.from_record, l.kind from members m cross join lateral (select from_record, kind from link
                        where tenant_id = ? and to_system = m.system and to_object = m.object
                            and to_external_id = m.external_id offset 0) l),
                contact_records as (
                    select every_record.system, every_record.object, every_record.external_id from pointing p
                    cross join lateral (select entity_id from source_record
                        where tenant_id = ? and record_id = p.from_record offset 0) c
                    cross join lateral (select system, object, external_id from source_record
                        where tenant_id = ? and entity_id = c.entity_id offset 0) every_record
                    where p.kind = 'works_at'),
                via_contacts as (
                    select l.from_record from contact_records c
                    cross join lateral (select from_record from link where tenant_id = ? and to_system = c.system
                        and to_object = c.object and to_external_id = c.external_id
                        and kind in ('participant', 'note_subject') offset 0) l),
                subjects as (
                    select record_id as rid from members
                    union select from_record from pointing
                        where kind in ('participant', 'note_subject', 'deal_organization', 'deal_contact', 'interaction_deal')
                    union select from_record from via_contacts),
                cluster as (select ?::uuid as eid union select entity_id from entity where tenant_id = ? and merged_into = ?),
                event_ids as (
                    select t.event_id, t.occurred_at from subjects s cross join lateral (select event_id, occurred_at
                        from timeline_event where tenant_id = ? and subject_record = s.rid offset 0) t
                    union select t.event_id, t.occurred_at from cluster c cross join lateral (select event_id, occurred_at
                        from timeline_event where tenant_id = ? and subject_entity = c.eid offset 0) t)
                """;
        Object[] binds = {tenantId, id, tenantId, tenantId, tenantId, tenantId, id, tenantId, id, tenantId, tenantId};
        List<Object> pageBinds = new ArrayList<>(List.of(binds));
        pageBinds.addAll(List.of(limit, offset, tenantId, tenantId));
        // The page is sorted from the timeline's indexes alone, which hold each event's id and time; only the events
        // shown are read, and their records. The page counts the events it sorts: gathering them all again in a
        // second statement doubled the cost.
        Rows rows = Rows.fetch(db, related + """
                select ev.event_id, ev.occurred_at, ev.kind, ev.summary, ev.detail::text as detail, p.total,
                       r.system, r.object, r.external_id, r.url, r.deleted, r.last_seen_at,
                       case when ev.event_id = ev.subject_record then r.fields::text end as own_fields
                from (select event_id, count(*) over () as total from event_ids
                    order by occurred_at desc, event_id desc limit ? offset ?) p
                cross join lateral (select * from timeline_event where tenant_id = ? and event_id = p.event_id offset 0) ev
                left join lateral (select system, object, external_id, url, deleted, last_seen_at, fields from source_record
                    where tenant_id = ? and record_id = ev.subject_record offset 0) r on true
                order by ev.occurred_at desc, ev.event_id desc
                """, pageBinds.toArray());
        long total = !rows.isEmpty() ? rows.first().orElseThrow().get("total", Long.class)
                : offset == 0 ? 0 : count(related + "select count(*) from event_ids", binds);
        return new Page<>(rows.map(GraphReader::timelineItem), total);
    }

    /** The entities merged into this one, oldest id first. */
    private List<UUID> mergedIds(String tenantId, UUID entityId) {
        List<UUID> cluster = entities.clusters(tenantId, List.of(entityId)).get(entityId);
        return List.copyOf(cluster.subList(1, cluster.size()));
    }

    private List<GraphViews.ExternalId> externalIds(String tenantId, UUID entityId) {
        // People's edits are shown as such on each field; an organization Mosaic made for an email domain is a source.
        return Rows.fetch(db, "select system, object, external_id, url, deleted, last_seen_at from source_record "
                        + "where tenant_id = ? and entity_id = ? and (system <> ? or object <> ?) order by system, object, external_id",
                tenantId, entityId, Survivorship.MOSAIC, Survivorship.EDIT).map(GraphReader::externalId);
    }

    private List<GraphViews.Relation> relations(String tenantId, UUID entityId) {
        // Each step is one index probe per row of the step before (see SqlArrays): a page must not depend on
        // whether the statistics have seen its tenant yet.
        String members = "(select record_id, system, object, external_id from source_record "
                + "where tenant_id = ? and entity_id = ? and not deleted offset 0) m";
        String outgoing = """
                select 'out' as direction, l.kind, l.attributes::text as attributes, e.entity_id, e.entity_type, e.display_name,
                    m.system as said_by_system, m.external_id as said_by_id, l.inferred
                from %s
                cross join lateral (select kind, attributes, to_system, to_object, to_external_id, inferred from link
                    where tenant_id = ? and from_record = m.record_id offset 0) l
                cross join lateral (select entity_id from source_record where tenant_id = ? and system = l.to_system
                    and object = l.to_object and external_id = l.to_external_id and not deleted offset 0) t
                cross join lateral (select entity_id, entity_type, display_name from entity
                    where tenant_id = ? and entity_id = t.entity_id offset 0) e
                """.formatted(members);
        String incoming = """
                select 'in' as direction, l.kind, l.attributes::text as attributes, e.entity_id, e.entity_type, e.display_name,
                    f.system as said_by_system, f.external_id as said_by_id, l.inferred
                from %s
                cross join lateral (select kind, attributes, from_record, inferred from link where tenant_id = ? and to_system = m.system
                    and to_object = m.object and to_external_id = m.external_id offset 0) l
                cross join lateral (select entity_id, system, external_id from source_record
                    where tenant_id = ? and record_id = l.from_record and not deleted offset 0) f
                cross join lateral (select entity_id, entity_type, display_name from entity
                    where tenant_id = ? and entity_id = f.entity_id offset 0) e
                """.formatted(members);
        Map<String, GraphViews.Relation> unique = new LinkedHashMap<>();
        // Two records of one cluster may state the same relation with other attributes: a source's own statement
        // is shown before one Mosaic inferred, and the order by the stating record makes the one shown the same
        // every time.
        Rows.fetch(db, outgoing + " union all " + incoming + " order by 2, 6, 4, 9, 7, 8, 3", tenantId, entityId, tenantId, tenantId,
                        tenantId, tenantId, entityId, tenantId, tenantId, tenantId)
                .forEach(row -> {
                    GraphViews.Relation relation = new GraphViews.Relation(row.get("kind", String.class),
                            row.get("direction", String.class), row.get("entity_id", UUID.class),
                            EntityType.fromKey(row.get("entity_type", String.class)), row.get("display_name", String.class),
                            attributes(row.get("attributes", String.class)));
                    if (!relation.id().equals(entityId)) {
                        unique.putIfAbsent(relation.kind() + relation.direction() + relation.id(), relation);
                    }
                });
        return List.copyOf(unique.values());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributes(String json) {
        return Json.mapper().convertValue(Json.read(json), Map.class);
    }

    private static GraphViews.ExternalId externalId(Rows.Row row) {
        return new GraphViews.ExternalId(row.get("system", String.class), row.get("object", String.class),
                row.get("external_id", String.class), row.get("url", String.class), row.get("deleted", Boolean.class),
                row.instant("last_seen_at"));
    }

    private static GraphViews.TimelineItem timelineItem(Rows.Row row) {
        GraphViews.ExternalId source = row.get("system", String.class) == null ? null : externalId(row);
        // An interaction's or a note's own entry (keyed by its record) shows the record's fields, which it keeps no
        // copy of (see Timeline); other events' records are not read past their ids.
        String ownFields = row.get("own_fields", String.class);
        Map<String, Object> detail = ownFields != null ? StoredFields.values(ownFields)
                : attributes(row.get("detail", String.class));
        return new GraphViews.TimelineItem(row.get("event_id", UUID.class), row.instant("occurred_at"),
                row.get("kind", String.class), row.get("summary", String.class), detail, source);
    }

    private long count(String sql, Object... binds) {
        return db.fetchOne(sql, binds).get(0, Long.class);
    }
}
