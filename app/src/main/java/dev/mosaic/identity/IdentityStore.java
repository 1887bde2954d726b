package dev.mosaic.identity;

import dev.mosaic.platform.database.Rows;
import dev.mosaic.platform.ids.TimeOrderedIds;
import static dev.mosaic.platform.database.SqlArrays.booleans;
import static dev.mosaic.platform.database.SqlArrays.rowsWithKeyIn;
import static dev.mosaic.platform.database.SqlArrays.texts;
import static dev.mosaic.platform.database.SqlArrays.times;
import static dev.mosaic.platform.database.SqlArrays.uuids;
import static dev.mosaic.platform.database.SqlTimes.instant;
import static dev.mosaic.platform.database.SqlTimes.utc;

import dev.mosaic.graph.EntityType;
import dev.mosaic.platform.database.CopyIn;
import dev.mosaic.platform.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

/**
 * SQL for identity's own tables: matching keys, merge lineage, cannot-merge blocks and review items, a chunk
 * at a time. It never reads the graph's tables; where records and entities are, it asks the graph.
 */
@Component
class IdentityStore {

    private static final String LINEAGE = "select merge_id, entity_type, survivor_id, merged_id, moved_records::text as moved_records, "
            + "moved_entities::text as moved_entities, reason, evidence::text as evidence, merged_by, merged_at, unmerged_by, "
            + "unmerged_at from merge_lineage ";
    /** More holders of a weak key than any caller looks at (see {@link IdentityResolver#MOST_SUGGESTED_PER_KEY}). */
    static final int WEAK_HOLDERS_READ = 24;
    private static final String REVIEW = "select review_id, kind, entity_type, entity_a, entity_b, reason, evidence::text as evidence, score, "
            + "status, created_at, decided_by, decided_at from review_item ";

    private final DSLContext db;

    IdentityStore(DSLContext db) {
        this.db = db;
    }

    /** Replaces the keys of these records with the keys given (a deleted record keeps none). */
    void replaceKeys(String tenantId, Collection<UUID> recordIds, List<RecordKey> keys) {
        if (!recordIds.isEmpty()) {
            db.execute("delete from identity_key where tenant_id = ? and " + rowsWithKeyIn("identity_key", "record_id"),
                    tenantId, uuids(recordIds), tenantId);
        }
        // The records' old keys are gone and each record's keys are a set: every row is new, so COPY them.
        CopyIn rows = CopyIn.into("identity_key", "tenant_id", "entity_type", "key_type", "key_value", "record_id");
        keys.forEach(key -> rows.row(tenantId, key.type().key(), key.key().type(), key.key().value(), key.recordId()));
        rows.copy(db);
    }

    /** The keys stored for each of these records (strong or not is not stored: see {@link MatchKey}). */
    Map<UUID, Set<MatchKey>> keysOf(String tenantId, Collection<UUID> recordIds) {
        Map<UUID, Set<MatchKey>> keys = new HashMap<>();
        if (recordIds.isEmpty()) {
            return keys;
        }
        Rows.fetch(db, "select k.* from unnest(?::uuid[]) as ids(id) cross join lateral (select record_id, key_type, key_value "
                        + "from identity_key where tenant_id = ? and record_id = ids.id offset 0) k", uuids(recordIds), tenantId)
                .forEach(row -> keys.computeIfAbsent(row.get("record_id", UUID.class), id -> new HashSet<>())
                        .add(new MatchKey(row.get("key_type", String.class), row.get("key_value", String.class), false)));
        return keys;
    }

    /** Forgets the merges, kept-apart pairs and suggestions that name an entity that is gone for good. */
    void forgetEntities(String tenantId, Collection<UUID> entityIds) {
        if (entityIds.isEmpty()) {
            return;
        }
        UUID[] ids = uuids(entityIds);
        db.execute("delete from merge_lineage where tenant_id = ? and (" + rowsWithKeyIn("merge_lineage", "survivor_id")
                + " or " + rowsWithKeyIn("merge_lineage", "merged_id") + ")", tenantId, ids, tenantId, ids, tenantId);
        // Both tables are small and indexed by their first entity only: the second is matched against the set once.
        for (String table : List.of("merge_block", "review_item")) {
            db.execute("delete from " + table + " where tenant_id = ? and (entity_a in (select unnest(?::uuid[])) "
                    + "or entity_b in (select unnest(?::uuid[])))", tenantId, ids, ids);
        }
    }

    /**
     * Every record holding one of these keys, in one read: an index probe per key, so the plan does not depend
     * on how fresh the table's statistics are. Of a weak key, at most {@link #WEAK_HOLDERS_READ} holders are read: one
     * that many hold says nothing about who is who, and reading them all would cost every chunk dearly.
     */
    List<RecordKey> holders(String tenantId, Collection<TypedKey> wanted) {
        List<TypedKey> keys = List.copyOf(wanted);
        if (keys.isEmpty()) {
            return List.of();
        }
        return Rows.fetch(db, """
                        select w.entity_type, w.key_type, w.key_value, w.strong, k.record_id
                        from unnest(?::text[], ?::text[], ?::text[], ?::boolean[]) as w(entity_type, key_type, key_value, strong)
                        cross join lateral (select i.record_id from identity_key i where i.tenant_id = ?
                            and i.entity_type = w.entity_type and i.key_type = w.key_type and i.key_value = w.key_value
                            limit case when w.strong then null else ? end) k
                        """, texts(keys, key -> key.type().key()), texts(keys, key -> key.key().type()),
                        texts(keys, key -> key.key().value()), booleans(keys, key -> key.key().strong()), tenantId,
                        WEAK_HOLDERS_READ)
                .map(row -> new RecordKey(row.get("record_id", UUID.class), EntityType.fromKey(row.get("entity_type", String.class)),
                        new MatchKey(row.get("key_type", String.class), row.get("key_value", String.class),
                                row.get("strong", Boolean.class))));
    }

    void insertLineages(String tenantId, List<MergeLineage> lineages) {
        if (lineages.isEmpty()) {
            return;
        }
        db.execute("""
                insert into merge_lineage (tenant_id, merge_id, entity_type, survivor_id, merged_id, moved_records, moved_entities,
                    reason, evidence, merged_by, merged_at)
                select ?, l.* from unnest(?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::jsonb[], ?::jsonb[], ?::text[], ?::jsonb[],
                    ?::text[], ?::timestamptz[]) as l
                """, tenantId, uuids(lineages, MergeLineage::mergeId), texts(lineages, l -> l.type().key()),
                uuids(lineages, MergeLineage::survivorId), uuids(lineages, MergeLineage::mergedId),
                texts(lineages, l -> Json.write(l.movedRecords())), texts(lineages, l -> Json.write(l.movedEntities())),
                texts(lineages, MergeLineage::reason), texts(lineages, l -> Json.write(l.evidence())),
                texts(lineages, MergeLineage::mergedBy), times(lineages, MergeLineage::mergedAt));
    }

    void markUnmerged(String tenantId, UUID mergeId, String by, Instant at) {
        db.execute("update merge_lineage set unmerged_by = ?, unmerged_at = ?::timestamptz where tenant_id = ? and merge_id = ?",
                by, utc(at), tenantId, mergeId);
    }

    Optional<MergeLineage> lineage(String tenantId, UUID mergeId) {
        return db.fetchOptional(LINEAGE + "where tenant_id = ? and merge_id = ?", tenantId, mergeId)
                .map(IdentityStore::toLineage);
    }

    /** The newest merge still in force where the entity was the survivor (or, with {@code asMerged}, the merged one). */
    Optional<MergeLineage> latestActive(String tenantId, UUID entityId, boolean asMerged) {
        String column = asMerged ? "merged_id" : "survivor_id";
        return db.fetchOptional(LINEAGE + "where tenant_id = ? and " + column + " = ? "
                + "and unmerged_at is null order by merged_at desc, merge_id limit 1", tenantId, entityId)
                .map(IdentityStore::toLineage);
    }

    List<MergeLineage> history(String tenantId, UUID entityId) {
        return db.fetch(LINEAGE + "where tenant_id = ? and (survivor_id = ? or merged_id = ?) order by merged_at desc",
                tenantId, entityId, entityId).map(IdentityStore::toLineage);
    }

    /** Pairs are stored in PostgreSQL's uuid order (not Java's, which compares signed longs). */
    void block(String tenantId, UUID a, UUID b, String reason, Instant at) {
        db.execute("insert into merge_block (tenant_id, entity_a, entity_b, reason, created_at) "
                + "values (?, least(?::uuid, ?::uuid), greatest(?::uuid, ?::uuid), ?, ?::timestamptz) "
                + "on conflict do nothing", tenantId, a, b, a, b, reason, utc(at));
    }

    /** The pairs a person said differ (an unmerge, a rejected suggestion) among these entities, in one read. */
    List<UUID[]> blocksAmong(String tenantId, Collection<UUID> entityIds) {
        if (entityIds.isEmpty()) {
            return List.of();
        }
        UUID[] ids = uuids(entityIds);
        return db.fetch("select b.* from unnest(?::uuid[]) as ids(id) cross join lateral (select entity_a, entity_b "
                        + "from merge_block where tenant_id = ? and entity_a = ids.id offset 0) b "
                        + "where b.entity_b in (select unnest(?::uuid[]))", ids, tenantId, ids)
                .map(row -> new UUID[] {row.get("entity_a", UUID.class), row.get("entity_b", UUID.class)});
    }

    /** Adds suggestions, each unless its pair was ever suggested before (pending, accepted or rejected). */
    void suggestAll(String tenantId, List<Suggestion> suggestions) {
        if (suggestions.isEmpty()) {
            return;
        }
        db.execute("""
                insert into review_item (tenant_id, review_id, kind, entity_type, entity_a, entity_b, reason, evidence, created_at,
                    score)
                select ?, s.review_id, s.kind, s.entity_type, case when s.kind = 'merge' then least(s.a, s.b) else s.a end,
                    case when s.kind = 'merge' then greatest(s.a, s.b) else s.b end, s.reason, s.evidence, s.created_at, s.score
                from unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::jsonb[], ?::timestamptz[],
                    ?::float8[]) as s(review_id, kind, entity_type, a, b, reason, evidence, created_at, score)
                on conflict do nothing
                """, tenantId, uuids(suggestions, suggestion -> TimeOrderedIds.next()), texts(suggestions, Suggestion::kind),
                texts(suggestions, s -> s.type().key()),
                uuids(suggestions, Suggestion::a), uuids(suggestions, Suggestion::b), texts(suggestions, Suggestion::reason),
                texts(suggestions, s -> Json.write(s.evidence())), times(suggestions, Suggestion::at),
                suggestions.stream().map(Suggestion::score).toArray(Double[]::new));
    }

    /**
     * Suggestions whose two sides are now in one cluster need no decision any more.
     *
     * @param clusterOf each entity of the clusters that grew → the cluster's survivor
     */
    void obsoleteSuggestionsWithin(String tenantId, Map<UUID, UUID> clusterOf) {
        if (clusterOf.isEmpty()) {
            return;
        }
        List<UUID> members = List.copyOf(clusterOf.keySet());
        UUID[] ids = uuids(members);
        UUID[] clusters = uuids(members, clusterOf::get);
        db.execute("""
                update review_item r set status = 'obsolete'
                from (select found.row_ctid from unnest(?::uuid[], ?::uuid[]) as a(member, cluster)
                      cross join lateral (select ctid as row_ctid, entity_b from review_item
                          where tenant_id = ? and entity_a = a.member offset 0) found
                      join unnest(?::uuid[], ?::uuid[]) as b(member, cluster) on b.member = found.entity_b
                      where a.cluster = b.cluster) pair
                where r.tenant_id = ? and r.ctid = pair.row_ctid and r.status = 'pending'
                """, ids, clusters, tenantId, ids, clusters, tenantId);
    }

    List<ReviewItem> reviews(String tenantId, String status, int limit, int offset) {
        return db.fetch(REVIEW + "where tenant_id = ? and status = ? order by score desc nulls last, created_at, review_id "
                        + "limit ? offset ?",
                tenantId, status, limit, offset).map(IdentityStore::toReview);
    }

    /** The pending merge suggestions of one type. */
    List<ReviewItem> pendingMerges(String tenantId, EntityType type) {
        return db.fetch(REVIEW + "where tenant_id = ? and status = 'pending' and kind = 'merge' and entity_type = ?", tenantId,
                type.key()).map(IdentityStore::toReview);
    }

    /** A suggestion scored again. */
    record Rescored(UUID reviewId, double score, String reason, Map<String, Object> evidence) {
    }

    void rescore(String tenantId, List<Rescored> rescored) {
        if (rescored.isEmpty()) {
            return;
        }
        db.execute("""
                update review_item r set score = s.score, reason = s.reason, evidence = s.evidence
                from unnest(?::uuid[], ?::float8[], ?::text[], ?::jsonb[]) as s(review_id, score, reason, evidence)
                where r.tenant_id = ? and r.review_id = s.review_id and r.status = 'pending'
                """, uuids(rescored, Rescored::reviewId), rescored.stream().map(Rescored::score).toArray(Double[]::new),
                texts(rescored, Rescored::reason), texts(rescored, item -> Json.write(item.evidence())), tenantId);
    }

    long countReviews(String tenantId, String status) {
        return db.fetchOne("select count(*) from review_item where tenant_id = ? and status = ?", tenantId, status)
                .get(0, Long.class);
    }

    Optional<ReviewItem> reviewForUpdate(String tenantId, UUID reviewId) {
        return db.fetchOptional(REVIEW + "where tenant_id = ? and review_id = ? for update", tenantId, reviewId)
                .map(IdentityStore::toReview);
    }

    void decide(String tenantId, UUID reviewId, String status, String by, Instant at) {
        db.execute("update review_item set status = ?, decided_by = ?, decided_at = ?::timestamptz where tenant_id = ? and review_id = ?",
                status, by, utc(at), tenantId, reviewId);
    }

    /** A record's matching key. */
    record RecordKey(UUID recordId, EntityType type, MatchKey key) {
    }

    /** A matching key of one entity type, whoever holds it. */
    record TypedKey(EntityType type, MatchKey key) {
    }

    /**
     * What weak evidence suggests: a merge of two live entities of one type, or a link from one to another
     * ({@code works_at}: a contact to an organization).
     */
    record Suggestion(String kind, EntityType type, UUID a, UUID b, String reason, Map<String, Object> evidence, Instant at,
                      Double score) {
    }

    private static MergeLineage toLineage(Record row) {
        return new MergeLineage(row.get("merge_id", UUID.class), EntityType.fromKey(row.get("entity_type", String.class)),
                row.get("survivor_id", UUID.class), row.get("merged_id", UUID.class),
                uuidList(row.get("moved_records", String.class)), uuidList(row.get("moved_entities", String.class)),
                row.get("reason", String.class), map(row.get("evidence", String.class)), row.get("merged_by", String.class),
                instant(row, "merged_at"), row.get("unmerged_by", String.class), instant(row, "unmerged_at"));
    }

    private static ReviewItem toReview(Record row) {
        return new ReviewItem(row.get("review_id", UUID.class), row.get("kind", String.class),
                EntityType.fromKey(row.get("entity_type", String.class)),
                row.get("entity_a", UUID.class), row.get("entity_b", UUID.class), row.get("reason", String.class),
                map(row.get("evidence", String.class)), row.get("score", Double.class), row.get("status", String.class),
                instant(row, "created_at"),
                row.get("decided_by", String.class), instant(row, "decided_at"));
    }

    private static List<UUID> uuidList(String json) {
        List<UUID> ids = new ArrayList<>();
        Json.read(json).forEach(node -> ids.add(UUID.fromString(node.asText())));
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String json) {
        return Json.mapper().convertValue(Json.read(json), Map.class);
    }
}
