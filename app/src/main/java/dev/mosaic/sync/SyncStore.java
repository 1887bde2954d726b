package dev.mosaic.sync;

import static dev.mosaic.platform.database.SqlTimes.instant;
import static dev.mosaic.platform.database.SqlTimes.utc;

import dev.mosaic.platform.json.Json;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.springframework.stereotype.Component;

/** SQL for the sync's own tables: {@code sync_object} (cursor, schema, progress) and {@code sync_quarantine}. */
@Component
class SyncStore {

    /** Longest reason kept for a quarantined record. */
    private static final int MAX_REASON = 2_000;

    private final DSLContext db;

    SyncStore(DSLContext db) {
        this.db = db;
    }

    /** The object's state, created (initial, nothing read) when there is none yet. */
    SyncCursor cursor(String tenantId, UUID connectionId, SyncedObject object) {
        Optional<SyncCursor> stored = db.fetchOptional("select cursor::text from sync_object where tenant_id = ? "
                        + "and connection_id = ? and object = ?", tenantId, connectionId, object.apiName())
                .map(row -> SyncCursor.fromJson(row.get(0, String.class)));
        if (stored.isPresent()) {
            return stored.get();
        }
        db.execute("insert into sync_object (tenant_id, connection_id, object, phase, cursor) values (?, ?, ?, ?, ?::jsonb) "
                        + "on conflict do nothing", tenantId, connectionId, object.apiName(), SyncPhase.INITIAL.name(),
                SyncCursor.initial().toJson());
        return SyncCursor.initial();
    }

    /** Whether the object has written records already: loaded, or part-way through its initial load. */
    boolean hasWritten(String tenantId, UUID connectionId, SyncedObject object) {
        return db.fetchOptional("select 1 from sync_object where tenant_id = ? and connection_id = ? and object = ? "
                + "and (phase = ? or records_synced > 0)", tenantId, connectionId, object.apiName(),
                SyncPhase.INCREMENTAL.name()).isPresent();
    }

    /**
     * Written in the transaction of the records it covers.
     *
     * @param repaired records of the chunk a change stream had missed
     */
    void saveCursor(String tenantId, UUID connectionId, SyncedObject object, SyncCursor cursor, int records, long busyMillis,
                    int repaired) {
        db.execute("update sync_object set phase = ?, cursor = ?::jsonb, records_synced = records_synced + ?, "
                        + "busy_millis = busy_millis + ?, repaired = repaired + ? "
                        + "where tenant_id = ? and connection_id = ? and object = ?",
                cursor.phase().name(), cursor.toJson(), records, busyMillis, repaired, tenantId, connectionId,
                object.apiName());
    }

    Optional<ObjectSchema> schema(String tenantId, UUID connectionId, SyncedObject object, Instant describedAfter) {
        return db.fetchOptional("select schema::text from sync_object where tenant_id = ? and connection_id = ? "
                        + "and object = ? and schema is not null and described_at > ?::timestamptz",
                tenantId, connectionId, object.apiName(), utc(describedAfter))
                .map(row -> SchemaJson.read(object.apiName(), row.get(0, String.class)));
    }

    /** The fields read so far, however old their describe. */
    Optional<ObjectSchema> storedSchema(String tenantId, UUID connectionId, SyncedObject object) {
        return schema(tenantId, connectionId, object, Instant.EPOCH);
    }

    void saveSchema(String tenantId, UUID connectionId, SyncedObject object, ObjectSchema schema, Instant at) {
        db.execute("update sync_object set schema = ?::jsonb, described_at = ?::timestamptz "
                        + "where tenant_id = ? and connection_id = ? and object = ?",
                SchemaJson.write(schema), utc(at), tenantId, connectionId, object.apiName());
    }

    void total(String tenantId, UUID connectionId, SyncedObject object, long total) {
        db.execute("update sync_object set records_total = ? where tenant_id = ? and connection_id = ? and object = ?",
                total, tenantId, connectionId, object.apiName());
    }

    /** @param readUntil the end of the window the round read: a read asked for before it is done */
    void succeeded(String tenantId, UUID connectionId, SyncedObject object, Instant at, Instant readUntil) {
        db.execute("update sync_object set last_success_at = ?::timestamptz, last_error = null, last_error_at = null, "
                        + "read_asked_at = case when read_asked_at <= ?::timestamptz then null else read_asked_at end "
                        + "where tenant_id = ? and connection_id = ? and object = ?",
                utc(at), utc(readUntil), tenantId, connectionId, object.apiName());
    }

    /** The next round reads every object, streamed ones too ("Sync now", a stream that lost changes). */
    void askToRead(String tenantId, UUID connectionId, Instant at) {
        db.execute("update sync_object set read_asked_at = ?::timestamptz where tenant_id = ? and connection_id = ?",
                utc(at), tenantId, connectionId);
    }

    /** The objects past their initial load, read whole by a round at least once. */
    Set<SyncedObject> loaded(String tenantId, UUID connectionId) {
        return objects(db.fetch("select object from sync_object where tenant_id = ? and connection_id = ? and phase = ? "
                + "and last_success_at is not null", tenantId, connectionId, SyncPhase.INCREMENTAL.name()));
    }

    /**
     * The objects past their initial load that a round read since {@code since}, with no read asked for meanwhile: a
     * round may leave them to their change stream. Any other (never read, asked for, or read too long ago) it reads.
     */
    Set<SyncedObject> readSince(String tenantId, UUID connectionId, Instant since) {
        return objects(db.fetch("select object from sync_object where tenant_id = ? and connection_id = ? and phase = ? "
                        + "and read_asked_at is null and last_success_at >= ?::timestamptz", tenantId, connectionId,
                SyncPhase.INCREMENTAL.name(), utc(since)));
    }

    private static Set<SyncedObject> objects(Result<Record> rows) {
        Set<SyncedObject> objects = EnumSet.noneOf(SyncedObject.class);
        rows.forEach(row -> SyncedObject.find(row.get(0, String.class)).ifPresent(objects::add));
        return objects;
    }

    void failed(String tenantId, UUID connectionId, SyncedObject object, String error, Instant at) {
        db.execute("update sync_object set last_error = ?, last_error_at = ?::timestamptz "
                + "where tenant_id = ? and connection_id = ? and object = ?", error, utc(at), tenantId, connectionId, object.apiName());
    }

    List<ObjectProgress> progress(String tenantId, UUID connectionId) {
        return db.fetch("select object, phase, records_synced, records_total, busy_millis, last_success_at, last_error, "
                + "last_error_at, repaired from sync_object where tenant_id = ? and connection_id = ?", tenantId, connectionId)
                .map(SyncStore::toProgress);
    }

    void quarantine(String tenantId, UUID connectionId, SyncedObject object, Map<String, String> reasonById,
                    Map<String, ?> payloadById, Instant at) {
        for (Map.Entry<String, String> entry : reasonById.entrySet()) {
            String reason = entry.getValue().length() > MAX_REASON ? entry.getValue().substring(0, MAX_REASON) + "…" : entry.getValue();
            db.execute("insert into sync_quarantine (tenant_id, connection_id, object, record_id, reason, payload, quarantined_at) "
                            + "values (?, ?, ?, ?, ?, ?::jsonb, ?::timestamptz) on conflict (tenant_id, connection_id, object, record_id) "
                            + "do update set reason = excluded.reason, payload = excluded.payload, quarantined_at = excluded.quarantined_at",
                    tenantId, connectionId, object.apiName(), entry.getKey(), storable(reason),
                    storable(Json.write(payloadById.get(entry.getKey()))),
                    utc(at));
        }
    }

    /** Records that mapped after all leave the quarantine. */
    void release(String tenantId, UUID connectionId, SyncedObject object, Collection<String> recordIds) {
        if (!recordIds.isEmpty()) {
            db.execute("delete from sync_quarantine where ctid = any(array(select found.ctid from unnest(?::text[]) as ids(id) "
                            + "cross join lateral (select ctid from sync_quarantine where tenant_id = ? and connection_id = ? "
                            + "and object = ? and record_id = ids.id offset 0) found))",
                    recordIds.toArray(String[]::new), tenantId, connectionId, object.apiName());
        }
    }

    List<QuarantinedRecord> quarantined(String tenantId, UUID connectionId, int limit, int offset) {
        return db.fetch("select object, record_id, reason, payload::text as payload, quarantined_at from sync_quarantine "
                        + "where tenant_id = ? and connection_id = ? order by quarantined_at desc, object, record_id limit ? offset ?",
                tenantId, connectionId, limit, offset)
                .map(row -> new QuarantinedRecord(row.get("object", String.class), row.get("record_id", String.class),
                        row.get("reason", String.class), Json.read(row.get("payload", String.class)), instant(row, "quarantined_at")));
    }

    int quarantinedCount(String tenantId, UUID connectionId) {
        return db.fetchOne("select count(*) from sync_quarantine where tenant_id = ? and connection_id = ?",
                tenantId, connectionId).get(0, Integer.class);
    }

    void roundStarted(String tenantId, UUID connectionId, UUID roundId, String instance, Instant at) {
        db.execute("insert into sync_round (tenant_id, connection_id, round_id, instance, started_at) "
                + "values (?, ?, ?, ?, ?::timestamptz)", tenantId, connectionId, roundId, instance, utc(at));
    }

    void roundEnded(String tenantId, UUID connectionId, UUID roundId, String outcome, String detail, Instant at) {
        db.execute("update sync_round set ended_at = ?::timestamptz, outcome = ?, detail = ? "
                + "where tenant_id = ? and connection_id = ? and round_id = ?", utc(at), outcome, detail, tenantId,
                connectionId, roundId);
    }

    List<SyncRoundRecord> rounds(String tenantId, UUID connectionId, int limit, int offset) {
        return db.fetch("select round_id, instance, started_at, ended_at, outcome, detail from sync_round "
                        + "where tenant_id = ? and connection_id = ? order by started_at desc, round_id limit ? offset ?",
                tenantId, connectionId, limit, offset)
                .map(row -> new SyncRoundRecord(row.get("round_id", UUID.class), row.get("instance", String.class),
                        instant(row, "started_at"), instant(row, "ended_at"), row.get("outcome", String.class),
                        row.get("detail", String.class)));
    }

    int roundCount(String tenantId, UUID connectionId) {
        return db.fetchOne("select count(*) from sync_round where tenant_id = ? and connection_id = ?", tenantId,
                connectionId).get(0, Integer.class);
    }

    void forget(String tenantId, UUID connectionId) {
        db.execute("delete from sync_round where tenant_id = ? and connection_id = ?", tenantId, connectionId);
        db.execute("delete from sync_quarantine where tenant_id = ? and connection_id = ?", tenantId, connectionId);
        db.execute("delete from sync_object where tenant_id = ? and connection_id = ?", tenantId, connectionId);
    }

    /**
     * A quarantined record is often there for a character PostgreSQL cannot store (NUL): it is kept visible as
     * U+2400 (␀), so what Salesforce sent can still be read.
     */
    private static String storable(String text) {
        return text.replace("\\u0000", "\u2400").replace('\0', '\u2400');
    }

    private static ObjectProgress toProgress(Record row) {
        long synced = row.get("records_synced", Long.class);
        long busy = row.get("busy_millis", Long.class);
        return new ObjectProgress(row.get("object", String.class), SyncPhase.valueOf(row.get("phase", String.class)), synced,
                row.get("records_total", Long.class), busy == 0 ? 0 : synced * 1000 / busy, instant(row, "last_success_at"),
                row.get("last_error", String.class), instant(row, "last_error_at"), row.get("repaired", Long.class), false,
                null);
    }
}
