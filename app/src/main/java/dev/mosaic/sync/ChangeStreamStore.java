package dev.mosaic.sync;

import static dev.mosaic.platform.database.SqlTimes.instant;
import static dev.mosaic.platform.database.SqlTimes.utc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * How far each connection's change stream is applied, and how it is doing. The replay id is saved in the transaction
 * that writes the changes it covers, so a crash resumes exactly where the graph stands.
 */
@Component
class ChangeStreamStore {

    /** Where a stream stands. */
    enum State { CONNECTING, LIVE, WAITING, OFF }

    /**
     * @param replayId    base64 of the replay id to resume after; null to start at the oldest retained event
     * @param lastHeardAt when the stream last brought anything, a keepalive included
     * @param updatedAt   when the session last said where the stream stands (a live one: at each batch and keepalive)
     */
    record Stream(String replayId, State state, String detail, List<String> objects, long events, Long lagMillis,
                  Instant lastEventAt, Instant lastHeardAt, Instant retryAt, Instant updatedAt) {

        /** Whether this object's changes stream now (the others are only polled). */
        boolean streams(SyncedObject object) {
            return state == State.LIVE && objects.contains(object.apiName());
        }

        /**
         * Up to when the stream had delivered every change: when it last brought anything, less the newest batch's lag
         * from commit to write (a keepalive says nothing is pending).
         */
        Instant deliveredUntil() {
            return lastHeardAt == null ? Instant.EPOCH : lastHeardAt.minusMillis(lagMillis == null ? 0 : lagMillis);
        }
    }

    private static final Duration SILENCE_MARGIN = Duration.ofMinutes(1);

    private final DSLContext db;

    ChangeStreamStore(DSLContext db) {
        this.db = db;
    }

    /**
     * The stream when it is live and its session said so lately (within the watchdog's time and a minute): a session
     * that died with its app instance leaves its stream LIVE in the table, and that must not keep rounds away from its
     * objects, nor show them streaming.
     */
    Optional<Stream> delivering(String tenantId, UUID connectionId, String topic, Instant now, Duration watchdog) {
        Instant heardAfter = now.minus(watchdog).minus(SILENCE_MARGIN);
        return find(tenantId, connectionId, topic)
                .filter(stream -> stream.state() == State.LIVE && stream.updatedAt().isAfter(heardAfter));
    }

    Optional<Stream> find(String tenantId, UUID connectionId, String topic) {
        return db.fetchOptional("select replay_id, state, detail, objects, events, lag_ms, last_event_at, last_heard_at, "
                        + "retry_at, updated_at from salesforce_change_stream where tenant_id = ? and connection_id = ? and topic = ?",
                        tenantId, connectionId, topic)
                .map(row -> new Stream(row.get("replay_id", String.class), State.valueOf(row.get("state", String.class)),
                        row.get("detail", String.class), List.of(row.get("objects", String[].class)),
                        row.get("events", Long.class), row.get("lag_ms", Long.class), instant(row, "last_event_at"),
                        instant(row, "last_heard_at"), instant(row, "retry_at"), instant(row, "updated_at")));
    }

    /**
     * The stream reached {@code replayId}, having applied {@code events} events (none: a keepalive), the newest of
     * which was committed {@code lagMillis} before it was applied (null when none was).
     */
    void reached(String tenantId, UUID connectionId, String topic, String replayId, int events, Long lagMillis, Instant at) {
        db.execute("""
                insert into salesforce_change_stream (tenant_id, connection_id, topic, replay_id, state, events, lag_ms,
                    last_event_at, last_heard_at, updated_at)
                values (?, ?, ?, ?, 'LIVE', ?, ?, ?::timestamptz, ?::timestamptz, ?::timestamptz)
                on conflict (tenant_id, connection_id, topic) do update set replay_id = excluded.replay_id, state = 'LIVE',
                    detail = null, retry_at = null, events = salesforce_change_stream.events + excluded.events,
                    lag_ms = coalesce(excluded.lag_ms, salesforce_change_stream.lag_ms),
                    last_event_at = coalesce(excluded.last_event_at, salesforce_change_stream.last_event_at),
                    last_heard_at = excluded.last_heard_at, updated_at = excluded.updated_at
                """, tenantId, connectionId, topic, replayId, events, lagMillis, events > 0 ? utc(at) : null, utc(at), utc(at));
    }

    /** The objects the org publishes change events for, as the stream found them when it subscribed. */
    void objects(String tenantId, UUID connectionId, String topic, List<String> objects) {
        db.execute("update salesforce_change_stream set objects = ?::text[] where tenant_id = ? and connection_id = ? "
                + "and topic = ?", objects.toArray(String[]::new), tenantId, connectionId, topic);
    }

    /** The stream is connecting, waiting to try again (with why), or off; {@code forgetReplay} starts it afresh. */
    void state(String tenantId, UUID connectionId, String topic, State state, String detail, Instant retryAt,
               boolean forgetReplay, Instant at) {
        db.execute("""
                insert into salesforce_change_stream (tenant_id, connection_id, topic, state, detail, retry_at, updated_at)
                values (?, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz)
                on conflict (tenant_id, connection_id, topic) do update set state = excluded.state, detail = excluded.detail,
                    retry_at = excluded.retry_at, updated_at = excluded.updated_at,
                    replay_id = case when ? then null else salesforce_change_stream.replay_id end
                """, tenantId, connectionId, topic, state.name(), detail, retryAt == null ? null : utc(retryAt), utc(at),
                forgetReplay);
    }

    void forget(String tenantId, UUID connectionId) {
        db.execute("delete from salesforce_change_stream where tenant_id = ? and connection_id = ?", tenantId, connectionId);
    }
}
