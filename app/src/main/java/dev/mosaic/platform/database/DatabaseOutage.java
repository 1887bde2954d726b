package dev.mosaic.platform.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * A failure that is the database's state, not the request's: it cannot be reached (down, restarting, the network
 * between), it is out of room (a full disk) or of connections. The request can be sent again once the database is
 * back, and nothing of it was saved, since every write is one transaction. Told apart by what PostgreSQL and the
 * connection pool say, wherever in the cause chain they said it.
 */
public enum DatabaseOutage {

    UNREACHABLE("Mosaic cannot reach its database", "the database could not be reached",
            "Mosaic cannot reach its database right now. Nothing of this request was saved; send it again in a "
            + "moment. If it lasts, the database server or the network to it needs attention."),
    DISK_FULL("Mosaic's database is full", "the database's disk is full",
            "Mosaic's database has no room left to write: its disk is full. Nothing of this request was saved. "
            + "Free some space on the database's disk (or give it a larger one), then send it again."),
    /** Every connection of the pool stayed in use while the request waited: the database is fine, Mosaic is busy. */
    BUSY("Mosaic is busy", "every database connection was in use",
            "Mosaic is too busy to answer right now: every one of its database connections is in use. Nothing of "
            + "this request was saved; send it again in a moment.");

    /** Seconds a client should wait before sending the request again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private final String title;
    private final String reason;
    private final String message;

    DatabaseOutage(String title, String reason, String message) {
        this.title = title;
        this.reason = reason;
        this.message = message;
    }

    /** The API's error code: {@code busy} when only Mosaic is, else {@code database_unavailable}. */
    public String apiCode() {
        return this == BUSY ? "busy" : "database_unavailable";
    }

    /** A page's heading. */
    public String title() {
        return title;
    }

    /** What happened, in a few words, for a job's status ("the round stopped: …"). */
    public String reason() {
        return reason;
    }

    /** What to tell the sender of a request: what happened, that nothing was saved, and what to do. */
    public String message() {
        return message;
    }

    /** The outage {@code failure} comes from, if it comes from one. */
    public static Optional<DatabaseOutage> of(Throwable failure) {
        boolean unreachable = false;
        boolean poolTimedOut = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("53100")) {
                    return Optional.of(DISK_FULL);
                }
                // 08: connection exceptions; 53: out of resources (memory, connections); 57P: shut down, crashed,
                // starting up. The pool's time-out carries the state of its last failed attempt to connect.
                unreachable |= state.startsWith("08") || state.startsWith("53") || state.startsWith("57P");
            }
            poolTimedOut |= cause instanceof SQLTransientConnectionException;
        }
        return unreachable ? Optional.of(UNREACHABLE) : poolTimedOut ? Optional.of(BUSY) : Optional.empty();
    }
}
