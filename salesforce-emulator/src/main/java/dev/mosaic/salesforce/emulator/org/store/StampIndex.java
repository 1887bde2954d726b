package dev.mosaic.salesforce.emulator.org.store;

import java.util.Arrays;

/**
 * Rows ordered by (SystemModstamp, row) — the order of the incremental sync query
 * {@code WHERE SystemModstamp >= X AND SystemModstamp < Y ORDER BY SystemModstamp, Id}.
 *
 * <p>Writes stamp "now", which is almost always at or after the newest entry, so an update appends
 * a new entry and leaves the old one stale; scans skip entries whose stamp no longer matches the row.
 * The index re-sorts and compacts only when an out-of-order stamp arrives or stale entries pile up.
 */
final class StampIndex {
    private long[] stamps = new long[16];
    private int[] rows = new int[16];
    private int size;
    private int stale;
    private boolean sorted = true;

    synchronized void add(long stamp, int row, boolean replacesEarlierEntry) {
        if (size == stamps.length) {
            int next = Column.grow(size, size + 1);
            stamps = Arrays.copyOf(stamps, next);
            rows = Arrays.copyOf(rows, next);
        }
        if (size > 0 && (stamps[size - 1] > stamp || stamps[size - 1] == stamp && rows[size - 1] > row)) {
            sorted = false;
        }
        stamps[size] = stamp;
        rows[size] = row;
        size++;
        if (replacesEarlierEntry) {
            stale++;
        }
    }

    /**
     * Rows with {@code from <= stamp < to} in (stamp, row) order, visiting each live entry once until
     * the visitor returns false.
     */
    void scan(long from, long to, LongColumn current, RowVisitor visitor) {
        Snapshot snap = prepare(current);
        long[] stamps = snap.stamps;
        int[] rows = snap.rows;
        int size = snap.size;
        int i = lowerBound(stamps, size, from);
        long lastStamp = Long.MIN_VALUE;
        int lastRow = -1;
        for (; i < size; i++) {
            long s = stamps[i];
            if (s >= to) {
                return;
            }
            int r = rows[i];
            if (current.raw(r) != s || s == lastStamp && r == lastRow) {
                continue;
            }
            lastStamp = s;
            lastRow = r;
            if (!visitor.visit(r)) {
                return;
            }
        }
    }


    private record Snapshot(long[] stamps, int[] rows, int size) {
    }

    private static int lowerBound(long[] stamps, int size, long from) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (stamps[mid] < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Re-sorts and drops stale entries when needed; called under the store's read lock, hence synchronized. */
    private synchronized Snapshot prepare(LongColumn current) {
        if (sorted && stale <= size / 2) {
            return new Snapshot(stamps, rows, size);
        }
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        long[] s = stamps;
        int[] r = rows;
        RowSorter.sort(order, 0, size, (a, b) -> {
            int c = Long.compare(s[a], s[b]);
            return c != 0 ? c : Integer.compare(r[a], r[b]);
        });
        long[] newStamps = new long[Math.max(16, size)];
        int[] newRows = new int[Math.max(16, size)];
        int n = 0;
        for (int i = 0; i < size; i++) {
            int at = order[i];
            if (current.raw(r[at]) != s[at]) {
                continue;
            }
            if (n > 0 && newStamps[n - 1] == s[at] && newRows[n - 1] == r[at]) {
                continue;
            }
            newStamps[n] = s[at];
            newRows[n] = r[at];
            n++;
        }
        stamps = newStamps;
        rows = newRows;
        size = n;
        stale = 0;
        sorted = true;
        return new Snapshot(stamps, rows, size);
    }

}
