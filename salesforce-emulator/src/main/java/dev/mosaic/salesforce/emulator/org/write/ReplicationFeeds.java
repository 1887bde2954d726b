package dev.mosaic.salesforce.emulator.org.write;

import dev.mosaic.salesforce.emulator.org.SalesforceError;
import dev.mosaic.salesforce.emulator.org.store.ObjectTable;
import dev.mosaic.salesforce.emulator.org.store.RecordStore;
import dev.mosaic.salesforce.emulator.org.store.ValueFormat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The replication endpoints {@code /updated} and {@code /deleted}: minute granularity (seconds are
 * ignored), 30 and 15 days of reach, at most 600,000 ids. Callers hold the store's read lock.
 */
public final class ReplicationFeeds {
    public static final int MAX_IDS = 600_000;
    private static final Duration UPDATED_REACH = Duration.ofDays(30);
    private static final Duration DELETED_REACH = Duration.ofDays(15);

    private final RecordStore store;

    private final int maxIds;

    public ReplicationFeeds(RecordStore store) {
        this(store, MAX_IDS);
    }

    /** With a lower id cap, so tests can reach it without 600,000 records. */
    ReplicationFeeds(RecordStore store, int maxIds) {
        this.store = store;
        this.maxIds = maxIds;
    }

    public Map<String, Object> updated(ObjectTable table, Instant start, Instant end, Instant now) {
        Window w = window(start, end, now, UPDATED_REACH, false);
        List<String> ids = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        table.scanByStamp(w.from, w.to, row -> {
            if (!table.isDeleted(row)) {
                rows.add(row);
            }
            return rows.size() <= maxIds;
        });
        if (rows.size() > maxIds) {
            throw exceeded();
        }
        rows.sort(Integer::compare);
        for (int row : rows) {
            ids.add(store.idOf(table, row));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ids", ids);
        out.put("latestDateCovered", ValueFormat.restDateTime(w.to));
        return out;
    }

    public Map<String, Object> deleted(ObjectTable table, Instant start, Instant end, Instant now) {
        Window w = window(start, end, now, DELETED_REACH, true);
        List<Map<String, Object>> records = new ArrayList<>();
        long earliest = Long.MAX_VALUE;
        for (int row = 0; row < table.size(); row++) {
            long at = table.deletedAt(row);
            if (at == Long.MIN_VALUE || !table.isDeleted(row)) {
                continue;
            }
            earliest = Math.min(earliest, at);
            if (at >= w.from && at < w.to) {
                if (records.size() == maxIds) {
                    throw exceeded();
                }
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("deletedDate", ValueFormat.restDateTime(at));
                record.put("id", store.idOf(table, row));
                records.add(record);
            }
        }
        long reach = truncate(now.minus(DELETED_REACH)).toEpochMilli();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("deletedRecords", records);
        out.put("earliestDateAvailable", ValueFormat.restDateTime(
                earliest == Long.MAX_VALUE ? reach : Math.max(reach, truncate(Instant.ofEpochMilli(earliest)).toEpochMilli())));
        out.put("latestDateCovered", ValueFormat.restDateTime(w.to));
        return out;
    }

    private record Window(long from, long to) {
    }

    private static Window window(Instant start, Instant end, Instant now, Duration reach, boolean minuteApart) {
        if (start == null || end == null) {
            throw new SalesforceError(400, "INVALID_REPLICATION_DATE", "startDate and endDate are required");
        }
        Instant from = truncate(start);
        Instant to = truncate(end);
        if (!from.isBefore(to) || minuteApart && !from.plus(Duration.ofMinutes(1)).isBefore(end)) {
            throw new SalesforceError(400, "INVALID_REPLICATION_DATE", "startDate must chronologically precede endDate"
                    + (minuteApart ? " by more than one minute" : ""));
        }
        if (from.isBefore(now.minus(reach).truncatedTo(ChronoUnit.MINUTES))) {
            throw new SalesforceError(400, "INVALID_REPLICATION_DATE",
                    "startDate cannot be more than " + reach.toDays() + " days ago");
        }
        Instant latest = truncate(now);
        if (to.isAfter(latest)) {
            to = latest;
        }
        return new Window(from.toEpochMilli(), Math.max(from.toEpochMilli(), to.toEpochMilli()));
    }

    private static Instant truncate(Instant i) {
        return i.truncatedTo(ChronoUnit.MINUTES);
    }

    private SalesforceError exceeded() {
        return new SalesforceError(400, "EXCEEDED_ID_LIMIT",
                "record limit reached. cannot submit more than " + maxIds + " records in this operation");
    }
}
