package dev.mosaic.salesforce.emulator.rest;

import dev.mosaic.salesforce.emulator.http.Ids;
import dev.mosaic.salesforce.emulator.org.OrgUser;
import dev.mosaic.salesforce.emulator.org.QueryResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Open query cursors behind {@code nextRecordsUrl}. Since API 56 a locator lives two days, and it stays
 * readable after its last page (clients may re-read a page). A cursor holds its result's row numbers, so
 * the map is bounded twice, dropping the least recently used cursors: by count, and by the rows all open
 * cursors hold, so that syncs paging through large results again and again cannot exhaust the heap.
 */
public final class QueryCursors {
    static final Duration LIFETIME = Duration.ofDays(2);
    /** About 200 MB of row numbers. */
    static final long DEFAULT_MAX_HELD_ROWS = 50_000_000L;

    private final Clock clock;
    private final int capacity;
    private final long maxHeldRows;
    private final Map<String, Cursor> cursors = new LinkedHashMap<>(16, 0.75f, true);
    private long heldRows;

    public record Cursor(String id, QueryResult result, OrgUser user, int batchSize, Instant createdAt) {
    }

    public QueryCursors(Clock clock, int capacity) {
        this(clock, capacity, DEFAULT_MAX_HELD_ROWS);
    }

    QueryCursors(Clock clock, int capacity, long maxHeldRows) {
        this.clock = clock;
        this.capacity = capacity;
        this.maxHeldRows = maxHeldRows;
    }

    public synchronized Cursor open(QueryResult result, OrgUser user, int batchSize) {
        // Newer locators are 18 characters starting "0r8".
        Cursor cursor = new Cursor(Ids.withChecksum("0r8" + Ids.random(12)), result, user, batchSize, clock.instant());
        cursors.put(cursor.id(), cursor);
        heldRows += result.totalSize();
        Instant now = clock.instant();
        Iterator<Cursor> eldestFirst = cursors.values().iterator();
        while (eldestFirst.hasNext()) {
            Cursor c = eldestFirst.next();
            boolean overBudget = cursors.size() > capacity || heldRows > maxHeldRows;
            if (c != cursor && (overBudget || isExpired(c, now))) {
                eldestFirst.remove();
                heldRows -= c.result().totalSize();
            }
        }
        return cursor;
    }

    /** The cursor for a locator id, if it exists, has not expired and belongs to this user. */
    public synchronized Optional<Cursor> find(String id, OrgUser user) {
        Cursor cursor = cursors.get(id);
        if (cursor == null) {
            return Optional.empty();
        }
        if (isExpired(cursor, clock.instant())) {
            cursors.remove(id);
            heldRows -= cursor.result().totalSize();
            return Optional.empty();
        }
        return cursor.user().id().equals(user.id()) ? Optional.of(cursor) : Optional.empty();
    }

    public synchronized int size() {
        return cursors.size();
    }

    private static boolean isExpired(Cursor cursor, Instant now) {
        return !now.isBefore(cursor.createdAt().plus(LIFETIME));
    }
}
