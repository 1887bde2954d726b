package dev.mosaic.graph;

import dev.mosaic.platform.database.Rows;
import static dev.mosaic.platform.database.SqlArrays.booleans;
import static dev.mosaic.platform.database.SqlArrays.rowsWithKeyIn;
import static dev.mosaic.platform.database.SqlArrays.texts;
import static dev.mosaic.platform.database.SqlArrays.times;
import static dev.mosaic.platform.database.SqlArrays.uuids;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.mosaic.platform.database.CopyIn;
import dev.mosaic.platform.json.Json;
import dev.mosaic.platform.time.IsoInstants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * SQL for source records and their links, a chunk at a time: each method is one statement whatever the
 * number of records. Package-private: the graph's services are its only callers.
 */
@Component
class RecordStore {

    private static final String COLUMNS = "record_id, system, object, external_id, entity_type, entity_id, url, "
            + "fields::text as fields, content_hash, deleted, first_seen_at, last_seen_at, observed_at, links_hash";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final DSLContext db;

    RecordStore(DSLContext db) {
        this.db = db;
    }

    /** The stored records among these refs, by ref. The caller holds the tenant's write lock. */
    Map<ExternalRef, StoredRecord> find(String tenantId, Collection<ExternalRef> refs) {
        Map<ExternalRef, StoredRecord> found = new HashMap<>();
        byRefs(tenantId, refs, COLUMNS).forEach(row -> {
            StoredRecord record = toRecord(row);
            found.put(record.ref(), record);
        });
        return found;
    }

    /** The fingerprints stored for those of these refs that name a record. Needs no lock: callers take it as a hint. */
    Map<ExternalRef, String> contentHashes(String tenantId, Collection<ExternalRef> refs) {
        Map<ExternalRef, String> hashes = new HashMap<>();
        byRefs(tenantId, refs, "system, object, external_id, content_hash")
                .forEach(row -> hashes.put(refOf(row), row.get("content_hash", String.class)));
        return hashes;
    }

    /**
     * These columns (among them {@code system, object, external_id}) of the records these refs name, in one statement:
     * an index probe per ref, whatever the statistics say (see SqlArrays).
     */
    Rows byRefs(String tenantId, Collection<ExternalRef> refs, String columns) {
        if (refs.isEmpty()) {
            return Rows.of(db.newResult());
        }
        List<ExternalRef> list = List.copyOf(refs);
        return Rows.fetch(db, "select r.* from unnest(?::text[], ?::text[], ?::text[]) as ref(system, object, external_id) "
                        + "cross join lateral (select " + columns + " from source_record where tenant_id = ? "
                        + "and system = ref.system and object = ref.object and external_id = ref.external_id offset 0) r",
                texts(list, ExternalRef::system), texts(list, ExternalRef::object), texts(list, ExternalRef::externalId),
                tenantId);
    }

    static ExternalRef refOf(Rows.Row row) {
        return new ExternalRef(row.get("system", String.class), row.get("object", String.class),
                row.get("external_id", String.class));
    }

    Optional<StoredRecord> find(String tenantId, ExternalRef ref) {
        return Optional.ofNullable(find(tenantId, List.of(ref)).get(ref));
    }

    /** Where each record is now: its entity, and whether its source deleted it. */
    Map<UUID, GraphMerges.Placement> placements(String tenantId, Collection<UUID> recordIds) {
        Map<UUID, GraphMerges.Placement> placements = new HashMap<>();
        Rows.fetch(db, "select p.* from unnest(?::uuid[]) as ids(id) cross join lateral (select record_id, entity_id, deleted "
                                + "from source_record where tenant_id = ? and record_id = ids.id offset 0) p",
                        uuids(recordIds), tenantId)
                .forEach(row -> {
                    GraphMerges.Placement placement = new GraphMerges.Placement(row.get("record_id", UUID.class),
                            row.get("entity_id", UUID.class), row.get("deleted", Boolean.class));
                    placements.put(placement.recordId(), placement);
                });
        return placements;
    }

    /** The member records of each entity, oldest first. */
    Map<UUID, List<StoredRecord>> members(String tenantId, Collection<UUID> entityIds) {
        Map<UUID, List<StoredRecord>> members = new LinkedHashMap<>();
        entityIds.forEach(id -> members.put(id, new ArrayList<>()));
        Rows.fetch(db, "select r.* from unnest(?::uuid[]) as ids(id) cross join lateral (select " + COLUMNS + " from source_record "
                        + "where tenant_id = ? and entity_id = ids.id offset 0) r order by r.entity_id, r.first_seen_at, r.record_id",
                        uuids(entityIds), tenantId)
                .forEach(row -> {
                    StoredRecord record = toRecord(row);
                    members.get(record.entityId()).add(record);
                });
        return members;
    }

    /** New records, in one COPY: their ids are fresh and their refs were looked up under the tenant's lock. */
    void insertAll(String tenantId, List<RecordWrite> writes) {
        CopyIn rows = CopyIn.into("source_record", "tenant_id", "record_id", "system", "object", "external_id", "entity_type",
                "entity_id", "url", "fields", "content_hash", "deleted", "first_seen_at", "last_seen_at", "observed_at",
                "links_hash");
        for (RecordWrite write : writes) {
            StoredRecord r = write.record();
            rows.row(tenantId, r.recordId(), r.ref().system(), r.ref().object(), r.ref().externalId(), r.type().key(),
                    r.entityId(), r.url(), write.fieldsJson(), r.contentHash(), r.deleted(), r.firstSeenAt(),
                    r.lastSeenAt(), r.observedAt(), r.linksHash());
        }
        rows.copy(db);
    }

    void updateAll(String tenantId, List<RecordWrite> writes) {
        if (writes.isEmpty()) {
            return;
        }
        List<StoredRecord> rows = writes.stream().map(RecordWrite::record).toList();
        db.execute("""
                update source_record r set url = u.url, fields = u.fields, content_hash = u.content_hash, deleted = u.deleted,
                    last_seen_at = u.last_seen_at, observed_at = u.observed_at, links_hash = u.links_hash
                from (select found.row_ctid, u.*
                      from unnest(?::uuid[], ?::text[], ?::json[], ?::text[], ?::boolean[], ?::timestamptz[], ?::timestamptz[],
                          ?::text[]) as u(record_id, url, fields, content_hash, deleted, last_seen_at, observed_at, links_hash)
                      cross join lateral (select ctid as row_ctid from source_record
                          where tenant_id = ? and record_id = u.record_id offset 0) found) u
                where r.tenant_id = ? and r.ctid = u.row_ctid
                """, uuids(rows, StoredRecord::recordId), texts(rows, StoredRecord::url),
                texts(writes, RecordWrite::fieldsJson), texts(rows, StoredRecord::contentHash),
                booleans(rows, StoredRecord::deleted), times(rows, StoredRecord::lastSeenAt),
                times(rows, StoredRecord::observedAt), texts(rows, StoredRecord::linksHash), tenantId, tenantId);
    }

    /** Replaces the links of records that had some (first delete, then one insert of them all). */
    void replaceLinks(String tenantId, Collection<UUID> replaced, Map<UUID, List<LinkInput>> linksByRecord) {
        if (!replaced.isEmpty()) {
            db.execute("delete from link where tenant_id = ? and " + rowsWithKeyIn("link", "from_record"), tenantId,
                    uuids(replaced), tenantId);
        }
        CopyIn rows = CopyIn.into("link", "tenant_id", "from_record", "kind", "to_system", "to_object", "to_external_id",
                "attributes");
        linksByRecord.forEach((recordId, links) -> {
            // A record may name the same target twice; the first statement of it counts, as the key says.
            Set<List<String>> seen = new HashSet<>();
            for (LinkInput link : links) {
                if (seen.add(List.of(link.kind().key(), link.target().toString()))) {
                    rows.row(tenantId, recordId, link.kind().key(), link.target().system(), link.target().object(),
                            link.target().externalId(), Json.write(link.attributes()));
                }
            }
        });
        rows.copy(db);
    }

    /**
     * Replaces the inferred links of these records (first delete, for the ones that may have some, then one insert):
     * those inferred now, except the ones a person rejected, and those a person accepted.
     *
     * @param replaced the records that may have inferred links or decisions already (not the ones made by this chunk)
     */
    void replaceInferredLinks(String tenantId, Collection<UUID> replaced, Map<UUID, List<LinkInput>> linksByRecord) {
        Map<List<String>, Boolean> decided = new HashMap<>();
        Map<UUID, List<LinkInput>> links = new LinkedHashMap<>(linksByRecord);
        if (!replaced.isEmpty()) {
            db.execute("delete from link l using unnest(?::uuid[]) as ids(id) where l.tenant_id = ? and l.from_record = ids.id "
                    + "and l.inferred", uuids(replaced), tenantId);
            decisions(tenantId, replaced).forEach(decision -> {
                decided.put(linkKey(decision.fromRecord(), decision.link()), decision.accepted());
                if (decision.accepted()) {
                    links.merge(decision.fromRecord(), List.of(decision.link()),
                            (inferred, accepted) -> concat(accepted, inferred));
                }
            });
        }
        List<UUID> from = new ArrayList<>();
        List<LinkInput> to = new ArrayList<>();
        links.forEach((recordId, stated) -> {
            Set<List<String>> seen = new HashSet<>();
            for (LinkInput link : stated) {
                List<String> key = linkKey(recordId, link);
                if (!Boolean.FALSE.equals(decided.get(key)) && seen.add(key)) {
                    from.add(recordId);
                    to.add(link);
                }
            }
        });
        if (from.isEmpty()) {
            return;
        }
        // One statement; a link a person accepted that the record's source now states itself is kept as the source's.
        db.execute("""
                insert into link (tenant_id, from_record, kind, to_system, to_object, to_external_id, attributes, inferred)
                select ?, l.*, true from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::json[])
                    as l(from_record, kind, to_system, to_object, to_external_id, attributes)
                on conflict do nothing
                """, tenantId, uuids(from), texts(to, link -> link.kind().key()), texts(to, link -> link.target().system()),
                texts(to, link -> link.target().object()), texts(to, link -> link.target().externalId()),
                texts(to, link -> Json.write(link.attributes())));
    }

    private static List<LinkInput> concat(List<LinkInput> first, List<LinkInput> then) {
        List<LinkInput> both = new ArrayList<>(first);
        both.addAll(then);
        return both;
    }

    /** A person's decision about a link Mosaic inferred or suggested. */
    record LinkDecision(UUID fromRecord, LinkInput link, boolean accepted) {
    }

    private List<LinkDecision> decisions(String tenantId, Collection<UUID> recordIds) {
        return Rows.fetch(db, "select d.* from unnest(?::uuid[]) as ids(id) cross join lateral (select from_record, kind, to_system, "
                        + "to_object, to_external_id, accepted, attributes::text as attributes from link_decision "
                        + "where tenant_id = ? and from_record = ids.id offset 0) d", uuids(recordIds), tenantId)
                .map(row -> new LinkDecision(row.get("from_record", UUID.class), new LinkInput(
                        LinkKind.fromKey(row.get("kind", String.class)), new ExternalRef(row.get("to_system", String.class),
                                row.get("to_object", String.class), row.get("to_external_id", String.class)),
                        Json.mapper().convertValue(Json.read(row.get("attributes", String.class)), MAP)),
                        row.get("accepted", Boolean.class)));
    }

    /**
     * Keeps a person's decisions about links: a rejected one is removed, an accepted one added (as inferred, so a
     * source's own links never replace it); both hold from then on.
     */
    void decide(String tenantId, List<LinkDecision> decisions, String by, Instant at) {
        for (LinkDecision decision : decisions) {
            LinkInput link = decision.link();
            db.execute("delete from link where tenant_id = ? and from_record = ? and kind = ? and to_system = ? "
                            + "and to_object = ? and to_external_id = ? and inferred", tenantId, decision.fromRecord(),
                    link.kind().key(), link.target().system(), link.target().object(), link.target().externalId());
            if (decision.accepted()) {
                db.execute("insert into link (tenant_id, from_record, kind, to_system, to_object, to_external_id, attributes, "
                                + "inferred) values (?, ?, ?, ?, ?, ?, ?::json, true) on conflict do nothing", tenantId,
                        decision.fromRecord(), link.kind().key(), link.target().system(), link.target().object(),
                        link.target().externalId(), Json.write(link.attributes()));
            }
            db.execute("insert into link_decision (tenant_id, from_record, kind, to_system, to_object, to_external_id, accepted, "
                            + "attributes, decided_by, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?::json, ?, ?::timestamptz) "
                            + "on conflict (tenant_id, from_record, kind, to_system, to_object, to_external_id) do update set "
                            + "accepted = excluded.accepted, attributes = excluded.attributes, decided_by = excluded.decided_by, "
                            + "decided_at = excluded.decided_at", tenantId, decision.fromRecord(), link.kind().key(),
                    link.target().system(), link.target().object(), link.target().externalId(), decision.accepted(),
                    Json.write(link.attributes()), by, IsoInstants.format(at));
        }
    }

    private static List<String> linkKey(UUID recordId, LinkInput link) {
        return List.of(recordId.toString(), link.kind().key(), link.target().toString());
    }

    /** The field values of these records, by record. */
    Map<UUID, Map<String, Object>> valuesOf(String tenantId, Collection<UUID> recordIds) {
        Map<UUID, Map<String, Object>> values = new HashMap<>();
        if (!recordIds.isEmpty()) {
            Rows.fetch(db, "select r.* from unnest(?::uuid[]) as ids(id) cross join lateral (select record_id, fields::text as fields "
                            + "from source_record where tenant_id = ? and record_id = ids.id offset 0) r", uuids(recordIds), tenantId)
                    .forEach(row -> values.put(row.get("record_id", UUID.class), StoredFields.values(row.get("fields", String.class))));
        }
        return values;
    }

    /**
     * The organizations these records' sources say they work at (links Mosaic inferred left out), by record: each the
     * live organization entity with the name it shows. Index probes per record, whatever the statistics say: planned as
     * joins, a sync's chunk of contacts once waited 44 s on it, right after the tables were analyzed.
     */
    Map<UUID, Map<UUID, String>> employersOf(String tenantId, Collection<UUID> recordIds) {
        Map<UUID, Map<UUID, String>> employers = new HashMap<>();
        if (!recordIds.isEmpty()) {
            Rows.fetch(db, """
                    select ids.id as from_record, t.entity_id, e.display_name
                    from unnest(?::uuid[]) as ids(id)
                    cross join lateral (select to_system, to_object, to_external_id from link where tenant_id = ?
                        and from_record = ids.id and kind = ? and not inferred offset 0) l
                    cross join lateral (select entity_id from source_record where tenant_id = ? and system = l.to_system
                        and object = l.to_object and external_id = l.to_external_id and not deleted offset 0) t
                    cross join lateral (select display_name from entity where tenant_id = ? and entity_id = t.entity_id
                        offset 0) e
                    """, uuids(recordIds), tenantId, LinkKind.WORKS_AT.key(), tenantId, tenantId)
                    .forEach(row -> employers.computeIfAbsent(row.get("from_record", UUID.class), id -> new LinkedHashMap<>())
                            .put(row.get("entity_id", UUID.class), row.get("display_name", String.class)));
        }
        return employers;
    }

    Map<UUID, Map<String, Object>> sampleValues(String tenantId, EntityType type, int limit) {
        Map<UUID, Map<String, Object>> values = new LinkedHashMap<>();
        Rows.fetch(db, "select record_id, fields::text as fields from source_record where tenant_id = ? and entity_type = ? "
                        + "and not deleted and system <> ? order by random() limit ?", tenantId, type.key(), Survivorship.MOSAIC, limit)
                .forEach(row -> values.put(row.get("record_id", UUID.class), StoredFields.values(row.get("fields", String.class))));
        return values;
    }

    long countSaid(String tenantId, EntityType type) {
        return db.fetchOne("select count(*) from source_record where tenant_id = ? and entity_type = ? and not deleted "
                + "and system <> ?", tenantId, type.key(), Survivorship.MOSAIC).get(0, Long.class);
    }

    /** The refs of these records. */
    Map<UUID, ExternalRef> refsOf(String tenantId, Collection<UUID> recordIds) {
        Map<UUID, ExternalRef> refs = new HashMap<>();
        if (!recordIds.isEmpty()) {
            Rows.fetch(db, "select r.* from unnest(?::uuid[]) as ids(id) cross join lateral (select record_id, system, object, "
                            + "external_id from source_record where tenant_id = ? and record_id = ids.id offset 0) r",
                            uuids(recordIds), tenantId)
                    .forEach(row -> refs.put(row.get("record_id", UUID.class), refOf(row)));
        }
        return refs;
    }

    /** A link as stored: who states it, what it points at, and whether Mosaic inferred it. */
    record StoredLink(UUID fromRecord, ExternalRef saidBy, LinkKind kind, ExternalRef target, boolean inferred,
                      Map<String, Object> attributes) {
    }

    /** The links of this kind from one entity's records to another's. */
    List<StoredLink> linksBetween(String tenantId, UUID fromEntity, UUID toEntity, LinkKind kind) {
        return Rows.fetch(db, """
                        select m.record_id, m.system, m.object, m.external_id, l.to_system, l.to_object, l.to_external_id, l.inferred,
                            l.attributes::text as attributes
                        from source_record m
                        join link l on l.tenant_id = m.tenant_id and l.from_record = m.record_id and l.kind = ?
                        join source_record t on t.tenant_id = l.tenant_id and t.system = l.to_system and t.object = l.to_object
                            and t.external_id = l.to_external_id
                        where m.tenant_id = ? and m.entity_id = ? and t.entity_id = ?
                        order by m.record_id, l.to_system, l.to_object, l.to_external_id
                        """, kind.key(), tenantId, fromEntity, toEntity)
                .map(row -> new StoredLink(row.get("record_id", UUID.class), refOf(row), kind,
                        new ExternalRef(row.get("to_system", String.class), row.get("to_object", String.class),
                                row.get("to_external_id", String.class)), row.get("inferred", Boolean.class),
                        Json.mapper().convertValue(Json.read(row.get("attributes", String.class)), MAP)));
    }

    /** Of these records, the ones whose source states a link of this kind (an inferred one does not count). */
    Set<UUID> statingLink(String tenantId, Collection<UUID> recordIds, LinkKind kind) {
        if (recordIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(Rows.fetch(db, "select ids.id from unnest(?::uuid[]) as ids(id) where exists (select 1 from link "
                        + "where tenant_id = ? and from_record = ids.id and kind = ? and not inferred)",
                uuids(recordIds), tenantId, kind.key()).map(row -> row.get(0, UUID.class)));
    }

    /** Moves every record of each merged entity to its survivor; returns the records moved, by merged entity. */
    Map<UUID, List<UUID>> moveAll(String tenantId, Map<UUID, UUID> survivorOf) {
        List<UUID> merged = List.copyOf(survivorOf.keySet());
        Map<UUID, List<UUID>> moved = new HashMap<>();
        merged.forEach(id -> moved.put(id, new ArrayList<>()));
        Rows.fetch(db, """
                        update source_record r set entity_id = m.survivor
                        from (select found.row_ctid, m.* from unnest(?::uuid[], ?::uuid[]) as m(merged, survivor)
                              cross join lateral (select ctid as row_ctid from source_record
                                  where tenant_id = ? and entity_id = m.merged offset 0) found) m
                        where r.tenant_id = ? and r.ctid = m.row_ctid
                        returning r.record_id, m.merged
                        """, uuids(merged), uuids(merged, survivorOf::get), tenantId, tenantId)
                .forEach(row -> moved.get(row.get("merged", UUID.class)).add(row.get("record_id", UUID.class)));
        moved.values().forEach(ids -> ids.sort(null));
        return moved;
    }

    /** Moves these records from one entity to another (an unmerge); records that moved on since stay where they are. */
    void move(String tenantId, List<UUID> recordIds, UUID fromEntity, UUID toEntity) {
        db.execute("update source_record set entity_id = ? where tenant_id = ? and entity_id = ? and "
                + rowsWithKeyIn("source_record", "record_id"), toEntity, tenantId, fromEntity, uuids(recordIds), tenantId);
    }

    private static StoredRecord toRecord(Rows.Row row) {
        ExternalRef ref = refOf(row);
        return new StoredRecord(row.get("record_id", UUID.class), ref,
                EntityType.fromKey(row.get("entity_type", String.class)), row.get("entity_id", UUID.class),
                row.get("url", String.class), new StoredFields(ref, row.get("fields", String.class)),
                row.get("content_hash", String.class), row.get("deleted", Boolean.class),
                row.instant("first_seen_at"), row.instant("last_seen_at"), row.instant("observed_at"),
                row.get("links_hash", String.class));
    }
}
