package dev.mosaic.salesforce.emulator.cdc;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An org's change events in commit order, each with its replay id, kept for the retention window (72 hours, as
 * Salesforce keeps them, or shorter for tests) and at most {@link #MOST_RETAINED} of them. Replay ids go up but are not contiguous across purges, and travel as
 * opaque 8-byte big-endian values. Thread-safe.
 */
public final class ChangeEventLog {

    /** One stored event: its position, the object it is about, the schema it was written with and its Avro body. */
    public record Event(long replayId, String entity, String schemaId, byte[] payload, long committedAt) {
    }

    /** A replay id older than anything retained, or never issued. */
    public static final class UnknownReplayId extends RuntimeException {
        UnknownReplayId(String message) {
            super(message);
        }
    }

    /** At most this many events are kept, whatever their age: a long benchmark must not fill the emulator's heap. */
    static final int MOST_RETAINED = 250_000;

    private final Clock clock;
    private final List<Event> events = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private Duration retention = Duration.ofHours(72);
    /** Below this no replay id is valid any more (purged, or expired by the control API). */
    private long validFrom;
    private long nextReplayId;
    /** Replay ids up to this one were expired by the control API: a client naming one is refused, however recent. */
    private long expiredThrough = Long.MIN_VALUE;

    public ChangeEventLog(Clock clock, long firstReplayId) {
        this.clock = clock;
        this.validFrom = firstReplayId - 1;
        this.nextReplayId = firstReplayId;
    }

    public static byte[] bytes(long replayId) {
        return ByteBuffer.allocate(Long.BYTES).putLong(replayId).array();
    }

    /** The replay id these bytes carry; an {@link UnknownReplayId} when they are not 8 bytes. */
    public static long replayId(byte[] bytes) {
        if (bytes.length != Long.BYTES) {
            throw new UnknownReplayId("a replay id is 8 bytes, not " + bytes.length);
        }
        return ByteBuffer.wrap(bytes).getLong();
    }

    /** Appends one transaction's events, numbering them, and wakes the subscribers. */
    public void append(List<Event> transaction) {
        if (transaction.isEmpty()) {
            return;
        }
        synchronized (this) {
            for (Event event : transaction) {
                events.add(new Event(nextReplayId++, event.entity(), event.schemaId(), event.payload(), event.committedAt()));
            }
            purge();
        }
        listeners.forEach(Runnable::run);
    }

    /** Called after each append, outside the log's lock. */
    public void onAppend(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** The id of the newest event, or the one before the first when there is none: where LATEST starts after. */
    public synchronized long latest() {
        return nextReplayId - 1;
    }

    /** Where EARLIEST starts after: just before the oldest retained event. */
    public synchronized long earliest() {
        purge();
        return events.isEmpty() ? latest() : Math.max(validFrom, events.get(0).replayId() - 1);
    }

    /**
     * What a subscriber reads: the events found, and the replay id it has read up to (the last event's, or the newest
     * of the log when fewer than asked were found: nothing it wants comes before there).
     */
    public record Read(List<Event> events, long readTo) {
    }

    /**
     * Up to {@code max} events after {@code afterReplayId} that {@code wanted} accepts, oldest first.
     *
     * @throws UnknownReplayId when that id is no longer retained or was never issued
     */
    public synchronized Read after(long afterReplayId, Predicate<Event> wanted, int max) {
        purge();
        // A live subscription reads on from where the server put it, even past ids the control API expired.
        if (afterReplayId < validFrom || afterReplayId > latest()) {
            throw new UnknownReplayId("replay id " + afterReplayId + " is not retained");
        }
        List<Event> found = new ArrayList<>();
        for (int i = firstAfter(afterReplayId); i < events.size() && found.size() < max; i++) {
            if (wanted.test(events.get(i))) {
                found.add(events.get(i));
            }
        }
        return new Read(found, max > 0 && found.size() == max ? found.get(max - 1).replayId() : latest());
    }

    /** Whether a client may start a subscription after this replay id: it is retained (or the newest) and not expired. */
    public synchronized boolean isValid(long replayId) {
        purge();
        return replayId >= validFrom && replayId <= latest() && replayId > expiredThrough;
    }

    /** How long events are kept; shorter for tests. */
    public synchronized void retention(Duration retention) {
        this.retention = retention;
        purge();
    }

    /** Makes every replay id issued so far unknown, as if they had all passed the retention window. */
    public synchronized int expireAll() {
        int dropped = events.size();
        events.clear();
        validFrom = latest();
        expiredThrough = latest();
        return dropped;
    }

    private void purge() {
        long oldest = clock.millis() - retention.toMillis();
        // Dropped in slices, not one by one: each drop shifts the whole list.
        int drop = events.size() > MOST_RETAINED + MOST_RETAINED / 10 ? events.size() - MOST_RETAINED : 0;
        while (drop < events.size() && events.get(drop).committedAt() < oldest) {
            drop++;
        }
        if (drop > 0) {
            validFrom = Math.max(validFrom, events.get(drop - 1).replayId());
            events.subList(0, drop).clear();
        }
    }

    private int firstAfter(long replayId) {
        int low = 0;
        int high = events.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (events.get(middle).replayId() <= replayId) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
