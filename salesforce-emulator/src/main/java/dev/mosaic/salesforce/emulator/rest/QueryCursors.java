package dev.mosaic.salesforce.emulator.rest;

import dev.mosaic.salesforce.emulator.http.Ids;
import dev.mosaic.salesforce.emulator.org.OrgUser;
import dev.mosaic.salesforce.emulator.org.QueryResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Open query cursors behind {@code nextRecordsUrl}. Since API 56 a locator lives two days; the map is
 * bounded too, dropping the least recently used cursor, so an abandoned paging loop cannot grow memory.
 */
public final class QueryCursors {
    static final Duration LIFETIME = Duration.ofDays(2);

    private final Clock clock;
    private final int capacity;
    private final Map<String, Cursor> cursors;

    public record Cursor(String id, QueryResult result, OrgUser user, int batchSize, Instant createdAt) {
    }

    public QueryCursors(Clock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
        this.cursors = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cursor> eldest) {
                return size() > QueryCursors.this.capacity;
            }
        };
    }

    public synchronized Cursor open(QueryResult result, OrgUser user, int batchSize) {
        // Newer locators are 18 characters starting "0r8".
        Cursor cursor = new Cursor(Ids.withChecksum("0r8" + Ids.random(12)), result, user, batchSize, clock.instant());
        cursors.put(cursor.id(), cursor);
        return cursor;
    }

    /** The cursor for a locator id, if it exists, has not expired and belongs to this user. */
    public synchronized Optional<Cursor> find(String id, OrgUser user) {
        Cursor cursor = cursors.get(id);
        if (cursor == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(cursor.createdAt().plus(LIFETIME))) {
            cursors.remove(id);
            return Optional.empty();
        }
        return cursor.user().id().equals(user.id()) ? Optional.of(cursor) : Optional.empty();
    }

    public synchronized int size() {
        return cursors.size();
    }
}
