package dev.mosaic.platform.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A failure that is the database's state, not the request's: it cannot be reached (down, restarting, the network
 * between), it is out of room (a full disk) or of connections. The request can be sent again once the database is
 * back, and nothing of it was saved, since every write is one transaction. Told apart by what PostgreSQL and the
 * connection pool say, wherever in the cause chain they said it.
 */
public enum DatabaseOutage {

    UNREACHABLE("Mosaic cannot reach its database right now. Nothing of this request was saved; send it again in a "
            + "moment. If it lasts, the database server or the network to it needs attention."),
    DISK_FULL("Mosaic's database has no room left to write: its disk is full. Nothing of this request was saved. "
            + "Free some space on the database's disk (or give it a larger one), then send it again.");

    private final String message;

    DatabaseOutage(String message) {
        this.message = message;
    }

    /** What to tell the user: what happened, that nothing was saved, and what to do. */
    public String message() {
        return message;
    }

    /** The outage {@code failure} comes from, if it comes from one. */
    public static Optional<DatabaseOutage> of(Throwable failure) {
        boolean unreachable = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("53100")) {
                    return Optional.of(DISK_FULL);
                }
                // 08: connection exceptions; 53: out of resources (memory, connections); 57P: shut down, crashed,
                // starting up.
                unreachable |= state.startsWith("08") || state.startsWith("53") || state.startsWith("57P");
            }
            unreachable |= cause instanceof SQLTransientConnectionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException;
        }
        return unreachable ? Optional.of(UNREACHABLE) : Optional.empty();
    }
}
