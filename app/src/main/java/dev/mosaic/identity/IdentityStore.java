package dev.mosaic.identity;

import static dev.mosaic.platform.database.SqlTimes.instant;
import static dev.mosaic.platform.database.SqlTimes.utc;

import dev.mosaic.graph.EntityType;
import dev.mosaic.platform.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

/** SQL for identity keys, merge lineage, cannot-merge blocks and review items. */
@Component
class IdentityStore {

    private final DSLContext db;

    IdentityStore(DSLContext db) {
        this.db = db;
    }

    void replaceKeys(String tenantId, UUID recordId, EntityType type, Set<MatchKey> keys) {
        db.execute("delete from identity_key where tenant_id = ? and record_id = ?", tenantId, recordId);
        for (MatchKey key : keys) {
            db.execute("insert into identity_key (tenant_id, entity_type, key_type, key_value, record_id) "
                    + "values (?, ?, ?, ?, ?) on conflict do nothing", tenantId, type.key(), key.type(), key.value(), recordId);
        }
    }

    /** The current entities of other records that share this key. */
    List<UUID> entitiesWithKey(String tenantId, EntityType type, MatchKey key, UUID exceptEntity) {
        return db.fetch("select distinct r.entity_id from identity_key k join source_record r on r.tenant_id = k.tenant_id "
                        + "and r.record_id = k.record_id and not r.deleted where k.tenant_id = ? and k.entity_type = ? "
                        + "and k.key_type = ? and k.key_value = ? and r.entity_id <> ? order by r.entity_id",
                tenantId, type.key(), key.type(), key.value(), exceptEntity).getValues("entity_id", UUID.class);
    }

    void insertLineage(String tenantId, MergeLineage lineage) {
        db.execute("insert into merge_lineage (tenant_id, merge_id, entity_type, survivor_id, merged_id, moved_records, "
                        + "moved_entities, reason, evidence, merged_by, merged_at) values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?::jsonb, ?, ?::timestamptz)",
                tenantId, lineage.mergeId(), lineage.type().key(), lineage.survivorId(), lineage.mergedId(),
                Json.write(lineage.movedRecords()), Json.write(lineage.movedEntities()), lineage.reason(),
                Json.write(lineage.evidence()), lineage.mergedBy(), utc(lineage.mergedAt()));
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

    /** True when a person said some entity of one cluster differs from some entity of the other. */
    boolean blocked(String tenantId, UUID clusterA, UUID clusterB) {
        String members = "(select ?::uuid union select entity_id from entity where tenant_id = ? and merged_into = ?)";
        return db.fetchOne("select exists (select 1 from merge_block where tenant_id = ? and "
                        + "((entity_a in " + members + " and entity_b in " + members + ") or "
                        + "(entity_b in " + members + " and entity_a in " + members + ")))",
                tenantId, clusterA, tenantId, clusterA, clusterB, tenantId, clusterB,
                clusterA, tenantId, clusterA, clusterB, tenantId, clusterB).get(0, Boolean.class);
    }

    /** Adds a suggestion unless the pair was ever suggested before (pending, accepted or rejected). */
    boolean suggest(String tenantId, EntityType type, UUID a, UUID b, String reason, Map<String, Object> evidence, Instant at) {
        return db.execute("insert into review_item (tenant_id, review_id, entity_type, entity_a, entity_b, reason, evidence, "
                        + "created_at) values (?, ?, ?, least(?::uuid, ?::uuid), greatest(?::uuid, ?::uuid), ?, ?::jsonb, "
                        + "?::timestamptz) on conflict do nothing",
                tenantId, UUID.randomUUID(), type.key(), a, b, a, b, reason, Json.write(evidence), utc(at)) == 1;
    }

    /** Suggestions whose two sides are now both in the survivor's cluster need no decision any more. */
    void obsoleteSuggestionsWithin(String tenantId, UUID survivorId) {
        String cluster = "(select ?::uuid union select entity_id from entity where tenant_id = ? and merged_into = ?)";
        db.execute("update review_item set status = 'obsolete' where tenant_id = ? and status = 'pending' "
                        + "and entity_a in " + cluster + " and entity_b in " + cluster,
                tenantId, survivorId, tenantId, survivorId, survivorId, tenantId, survivorId);
    }

    List<ReviewItem> reviews(String tenantId, String status, int limit, int offset) {
        return db.fetch(REVIEW + "where tenant_id = ? and status = ? order by created_at, review_id limit ? offset ?",
                tenantId, status, limit, offset).map(IdentityStore::toReview);
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

    private static final String LINEAGE = "select merge_id, entity_type, survivor_id, merged_id, moved_records::text as moved_records, "
            + "moved_entities::text as moved_entities, reason, evidence::text as evidence, merged_by, merged_at, unmerged_by, "
            + "unmerged_at from merge_lineage ";
    private static final String REVIEW = "select review_id, entity_type, entity_a, entity_b, reason, evidence::text as evidence, "
            + "status, created_at, decided_by, decided_at from review_item ";

    private static MergeLineage toLineage(Record row) {
        return new MergeLineage(row.get("merge_id", UUID.class), EntityType.fromKey(row.get("entity_type", String.class)),
                row.get("survivor_id", UUID.class), row.get("merged_id", UUID.class),
                uuids(row.get("moved_records", String.class)), uuids(row.get("moved_entities", String.class)),
                row.get("reason", String.class), map(row.get("evidence", String.class)), row.get("merged_by", String.class),
                instant(row, "merged_at"), row.get("unmerged_by", String.class), instant(row, "unmerged_at"));
    }

    private static ReviewItem toReview(Record row) {
        return new ReviewItem(row.get("review_id", UUID.class), EntityType.fromKey(row.get("entity_type", String.class)),
                row.get("entity_a", UUID.class), row.get("entity_b", UUID.class), row.get("reason", String.class),
                map(row.get("evidence", String.class)), row.get("status", String.class), instant(row, "created_at"),
                row.get("decided_by", String.class), instant(row, "decided_at"));
    }

    private static List<UUID> uuids(String json) {
        List<UUID> ids = new ArrayList<>();
        Json.read(json).forEach(node -> ids.add(UUID.fromString(node.asText())));
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String json) {
        return Json.mapper().convertValue(Json.read(json), Map.class);
    }

}
