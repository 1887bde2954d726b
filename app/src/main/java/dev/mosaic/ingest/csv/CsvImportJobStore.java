package dev.mosaic.ingest.csv;

import static dev.mosaic.platform.database.SqlTimes.instant;
import static dev.mosaic.platform.database.SqlTimes.utc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.platform.crypto.Hashes;
import dev.mosaic.platform.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

/** SQL for background CSV imports: the job rows, the stored file, the listed errors and the claimed ids. */
@Component
class CsvImportJobStore {

    /** Longest text kept of one error's reason or externalId; the rest is cut, so one absurd row cannot fail a chunk. */
    private static final int MAX_STORED_TEXT = 2_000;

    private static final String JOB = "select tenant_id, import_id, type, source, requested_mapping::text as requested_mapping, "
            + "mapping::text as mapping, ignored_columns::text as ignored_columns, external_ids, status, total_rows, "
            + "file_parts, rows_done, last_row, created, updated, unchanged, merged, rejected, more_errors, busy_millis, "
            + "last_error, created_at, started_at, finished_at from csv_import_job ";

    /** What a committed chunk brought the job to. */
    record Progress(int rowsDone, int rejected, long busyMillis) {
    }

    private final DSLContext db;

    CsvImportJobStore(DSLContext db) {
        this.db = db;
    }

    void insert(String tenantId, UUID importId, CsvImportRequest request, CsvFileSurvey survey, Instant now) {
        db.execute("insert into csv_import_job (tenant_id, import_id, type, source, requested_mapping, mapping, "
                        + "ignored_columns, external_ids, status, total_rows, created_at) "
                        + "values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?::timestamptz)",
                tenantId, importId, request.type().batchKey(), request.source(),
                request.mapping() == null ? null : Json.write(pairs(request.mapping())),
                Json.write(pairs(survey.mapping().headerToField())), Json.write(survey.mapping().ignoredHeaders()),
                survey.externalIdRule(), CsvImportJob.QUEUED, survey.rows(), utc(now));
    }

    void addPart(String tenantId, UUID importId, int part, byte[] bytes) {
        db.execute("insert into csv_import_part (tenant_id, import_id, part, bytes) values (?, ?, ?, ?)",
                tenantId, importId, part, bytes);
    }

    void recordFile(String tenantId, UUID importId, long bytes, int parts) {
        db.execute("update csv_import_job set file_bytes = ?, file_parts = ? where tenant_id = ? and import_id = ?",
                bytes, parts, tenantId, importId);
    }

    Optional<byte[]> part(String tenantId, UUID importId, int part) {
        return db.fetchOptional("select bytes from csv_import_part where tenant_id = ? and import_id = ? and part = ?",
                tenantId, importId, part).map(row -> row.get("bytes", byte[].class));
    }

    Optional<StoredImportJob> find(String tenantId, UUID importId) {
        return db.fetchOptional(JOB + "where tenant_id = ? and import_id = ?", tenantId, importId)
                .map(CsvImportJobStore::toJob);
    }

    List<StoredImportJob> newestFirst(String tenantId, int limit, int offset) {
        return db.fetch(JOB + "where tenant_id = ? order by created_at desc, import_id limit ? offset ?",
                tenantId, limit, offset).map(CsvImportJobStore::toJob);
    }

    int count(String tenantId) {
        return db.fetchOne("select count(*) from csv_import_job where tenant_id = ?", tenantId).get(0, Integer.class);
    }

    List<CsvImportResult.RowError> errors(String tenantId, UUID importId) {
        return db.fetch("select row_number, external_id, field, reason from csv_import_error "
                                + "where tenant_id = ? and import_id = ? order by seq", tenantId, importId)
                .map(row -> new CsvImportResult.RowError(row.get("row_number", Integer.class),
                        row.get("external_id", String.class), row.get("field", String.class),
                        row.get("reason", String.class)));
    }

    /** False when the job has ended (or is gone): then there is nothing to run. */
    boolean markRunning(String tenantId, UUID importId, Instant now) {
        return db.execute("update csv_import_job set status = ?, started_at = coalesce(started_at, ?::timestamptz) "
                        + "where tenant_id = ? and import_id = ? and status in (?, ?)",
                CsvImportJob.RUNNING, utc(now), tenantId, importId, CsvImportJob.QUEUED, CsvImportJob.RUNNING) == 1;
    }

    /** See {@link ExternalIdClaims#claim}; the claims commit with the chunk that made them. */
    Map<String, Integer> claim(String tenantId, UUID importId, Map<String, Integer> firstRowById) {
        if (firstRowById.isEmpty()) {
            return Map.of();
        }
        Map<String, String> idByHash = new HashMap<>();
        String[] hashes = new String[firstRowById.size()];
        Integer[] rows = new Integer[firstRowById.size()];
        int i = 0;
        for (Map.Entry<String, Integer> entry : firstRowById.entrySet()) {
            hashes[i] = Hashes.sha256Hex(entry.getKey());
            rows[i] = entry.getValue();
            idByHash.put(hashes[i], entry.getKey());
            i++;
        }
        Set<String> claimedNow = new HashSet<>(db.fetch("insert into csv_import_claimed_id (tenant_id, import_id, "
                        + "external_id_hash, first_row) select ?, ?, c.hash, c.first_row from unnest(?::text[], ?::int[]) "
                        + "as c(hash, first_row) on conflict do nothing returning external_id_hash",
                tenantId, importId, hashes, rows).getValues("external_id_hash", String.class));
        if (claimedNow.size() == hashes.length) {
            return Map.of();
        }
        String[] taken = idByHash.keySet().stream().filter(hash -> !claimedNow.contains(hash)).toArray(String[]::new);
        Map<String, Integer> earlier = new HashMap<>();
        db.fetch("select external_id_hash, first_row from csv_import_claimed_id where tenant_id = ? and import_id = ? "
                        + "and external_id_hash = any(?::text[])", tenantId, importId, taken)
                .forEach(row -> earlier.put(idByHash.get(row.get("external_id_hash", String.class)),
                        row.get("first_row", Integer.class)));
        return earlier;
    }

    /**
     * Locks the job's row for the chunk being committed and returns how many errors it lists; empty when
     * the job is no longer at {@code expectedLastRow}: another run of it went on, and this one must stop.
     */
    OptionalInt lockAt(String tenantId, UUID importId, int expectedLastRow) {
        return db.fetchOptional("select listed_errors from csv_import_job where tenant_id = ? and import_id = ? "
                                + "and last_row = ? and status = ? for update",
                        tenantId, importId, expectedLastRow, CsvImportJob.RUNNING)
                .map(row -> OptionalInt.of(row.get(0, Integer.class)))
                .orElse(OptionalInt.empty());
    }

    void addErrors(String tenantId, UUID importId, int firstSeq, List<CsvImportResult.RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        int n = errors.size();
        Integer[] seqs = new Integer[n];
        Integer[] rows = new Integer[n];
        String[] externalIds = new String[n];
        String[] fields = new String[n];
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
            CsvImportResult.RowError error = errors.get(i);
            seqs[i] = firstSeq + i;
            rows[i] = error.row();
            externalIds[i] = storable(error.externalId());
            fields[i] = storable(error.field());
            reasons[i] = storable(error.reason());
        }
        db.execute("insert into csv_import_error (tenant_id, import_id, seq, row_number, external_id, field, reason) "
                        + "select ?, ?, e.seq, e.row_number, e.external_id, e.field, e.reason from "
                        + "unnest(?::int[], ?::int[], ?::text[], ?::text[], ?::text[]) as e(seq, row_number, external_id, field, reason)",
                tenantId, importId, seqs, rows, externalIds, fields, reasons);
    }

    Progress recordChunk(String tenantId, UUID importId, ImportChunk.Outcome chunk, int listed, int notListed,
                         long busyMillis) {
        Record row = db.fetchOne("update csv_import_job set rows_done = rows_done + ?, last_row = ?, "
                        + "created = created + ?, updated = updated + ?, unchanged = unchanged + ?, merged = merged + ?, "
                        + "rejected = rejected + ?, listed_errors = listed_errors + ?, more_errors = more_errors + ?, "
                        + "busy_millis = busy_millis + ?, failures = 0, last_error = null "
                        + "where tenant_id = ? and import_id = ? returning rows_done, rejected, busy_millis",
                chunk.rows(), chunk.lastRow(), chunk.created(), chunk.updated(), chunk.unchanged(), chunk.merged(),
                chunk.rejectedRows(), listed, notListed, busyMillis, tenantId, importId);
        return new Progress(row.get("rows_done", Integer.class), row.get("rejected", Integer.class),
                row.get("busy_millis", Long.class));
    }

    /** Marks the job done if it is still at {@code expectedLastRow}, and drops its stored file. */
    boolean finish(String tenantId, UUID importId, int expectedLastRow, Instant now) {
        int updated = db.execute("update csv_import_job set status = ?, finished_at = ?::timestamptz "
                        + "where tenant_id = ? and import_id = ? and last_row = ? and status = ?",
                CsvImportJob.DONE, utc(now), tenantId, importId, expectedLastRow, CsvImportJob.RUNNING);
        if (updated == 1) {
            dropFile(tenantId, importId);
        }
        return updated == 1;
    }

    /**
     * Counts a failed attempt. The job fails for good when {@code permanent}, or when this is attempt
     * {@code maxFailures} since the last committed chunk; then its stored file goes. Returns the new status.
     */
    Optional<String> recordFailure(String tenantId, UUID importId, String message, boolean permanent, int maxFailures,
                                   Instant now) {
        Optional<String> status = db.fetchOptional("update csv_import_job set failures = failures + 1, last_error = ?, "
                                + "status = case when ? or failures + 1 >= ? then ? else status end, "
                                + "finished_at = case when ? or failures + 1 >= ? then ?::timestamptz else finished_at end "
                                + "where tenant_id = ? and import_id = ? and status in (?, ?) returning status",
                        storable(message), permanent, maxFailures, CsvImportJob.FAILED, permanent, maxFailures, utc(now),
                        tenantId, importId, CsvImportJob.QUEUED, CsvImportJob.RUNNING)
                .map(row -> row.get("status", String.class));
        if (status.filter(CsvImportJob.FAILED::equals).isPresent()) {
            dropFile(tenantId, importId);
        }
        return status;
    }

    private void dropFile(String tenantId, UUID importId) {
        db.execute("delete from csv_import_part where tenant_id = ? and import_id = ?", tenantId, importId);
        db.execute("delete from csv_import_claimed_id where tenant_id = ? and import_id = ?", tenantId, importId);
    }

    private static StoredImportJob toJob(Record row) {
        String requested = row.get("requested_mapping", String.class);
        return new StoredImportJob(row.get("tenant_id", String.class), row.get("import_id", UUID.class),
                ImportType.fromBatchKey(row.get("type", String.class)).orElseThrow(),
                row.get("source", String.class), requested == null ? null : fromPairs(requested),
                fromPairs(row.get("mapping", String.class)), strings(row.get("ignored_columns", String.class)),
                row.get("external_ids", String.class), row.get("status", String.class),
                row.get("total_rows", Integer.class), row.get("file_parts", Integer.class),
                row.get("rows_done", Integer.class), row.get("last_row", Integer.class),
                row.get("created", Integer.class), row.get("updated", Integer.class),
                row.get("unchanged", Integer.class), row.get("merged", Integer.class),
                row.get("rejected", Integer.class), row.get("more_errors", Integer.class),
                row.get("busy_millis", Long.class), row.get("last_error", String.class),
                instant(row, "created_at"), instant(row, "started_at"), instant(row, "finished_at"));
    }

    /** A mapping as [[header, field], ...]: jsonb keeps no key order, and the order of columns matters. */
    private static List<List<String>> pairs(Map<String, String> mapping) {
        List<List<String>> pairs = new ArrayList<>();
        mapping.forEach((header, field) -> pairs.add(List.of(header, field)));
        return pairs;
    }

    private static Map<String, String> fromPairs(String json) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (JsonNode pair : Json.read(json)) {
            mapping.put(pair.get(0).asText(), pair.get(1).asText());
        }
        return Collections.unmodifiableMap(mapping);
    }

    private static List<String> strings(String json) {
        List<String> strings = new ArrayList<>();
        Json.read(json).forEach(node -> strings.add(node.asText()));
        return List.copyOf(strings);
    }

    /** PostgreSQL text holds no NUL character, and a reason quoting a huge value need not be kept whole. */
    private static String storable(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = text.replace('\u0000', '\uFFFD');
        return cleaned.length() <= MAX_STORED_TEXT ? cleaned : cleaned.substring(0, MAX_STORED_TEXT) + "…";
    }
}
