package dev.mosaic.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.platform.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the sync of one object stands, committed with the records it covers. Every record with
 * {@code SystemModstamp < syncedUntil} has been read. While a window is being read, {@code windowEnd} is its fixed
 * upper bound, and ({@code lastStamp}, {@code lastId}) the last record written of it in {@code SystemModstamp, Id}
 * order, so records sharing one timestamp are resumed exactly. An initial load by Bulk keeps its job and the
 * locator of the next page to read instead.
 *
 * @param fullyReadAt when every field of every record was last read (by the initial load, or read again since for
 *                    calculated fields, which change without moving {@code SystemModstamp}, or for fields added to
 *                    the object); null when that is due now
 */
public record SyncCursor(SyncPhase phase, Instant syncedUntil, Instant windowEnd, Instant lastStamp, String lastId,
                         String bulkJobId, String bulkLocator, Instant fullyReadAt) {

    static final int VERSION = 1;

    public static SyncCursor initial() {
        return new SyncCursor(SyncPhase.INITIAL, Instant.EPOCH, null, null, null, null, null, null);
    }

    SyncCursor inWindow(Instant end) {
        return new SyncCursor(phase, syncedUntil, end, null, null, bulkJobId, bulkLocator, fullyReadAt);
    }

    SyncCursor at(Instant stamp, String id) {
        return new SyncCursor(phase, syncedUntil, windowEnd, stamp, id, bulkJobId, bulkLocator, fullyReadAt);
    }

    SyncCursor bulk(String jobId, String locator) {
        return new SyncCursor(phase, syncedUntil, windowEnd, lastStamp, lastId, jobId, locator, fullyReadAt);
    }

    /** The window is read whole: everything before its end is synced. An initial load becomes incremental. */
    SyncCursor windowDone() {
        return new SyncCursor(SyncPhase.INCREMENTAL, windowEnd, null, null, null, null, null,
                phase == SyncPhase.INITIAL ? windowEnd : fullyReadAt);
    }

    SyncCursor fullyRead(Instant at) {
        return new SyncCursor(phase, syncedUntil, windowEnd, lastStamp, lastId, bulkJobId, bulkLocator, at);
    }

    boolean inProgress() {
        return windowEnd != null;
    }

    String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("v", VERSION);
        json.put("phase", phase.name());
        json.put("syncedUntil", syncedUntil.toString());
        put(json, "windowEnd", windowEnd);
        put(json, "lastStamp", lastStamp);
        put(json, "lastId", lastId);
        put(json, "bulkJobId", bulkJobId);
        put(json, "bulkLocator", bulkLocator);
        put(json, "fullyReadAt", fullyReadAt);
        return Json.write(json);
    }

    static SyncCursor fromJson(String text) {
        JsonNode json = Json.read(text);
        int version = json.path("v").asInt();
        if (version != VERSION) {
            throw new IllegalStateException("A sync cursor of version " + version + " is not one this Mosaic reads");
        }
        return new SyncCursor(SyncPhase.valueOf(json.path("phase").asText()), Instant.parse(json.path("syncedUntil").asText()),
                instant(json, "windowEnd"), instant(json, "lastStamp"), text(json, "lastId"), text(json, "bulkJobId"),
                text(json, "bulkLocator"), instant(json, "fullyReadAt"));
    }

    private static void put(Map<String, Object> json, String name, Object value) {
        if (value != null) {
            json.put(name, value.toString());
        }
    }

    private static Instant instant(JsonNode json, String name) {
        String text = text(json, name);
        return text == null ? null : Instant.parse(text);
    }

    private static String text(JsonNode json, String name) {
        return json.hasNonNull(name) ? json.get(name).asText() : null;
    }
}
