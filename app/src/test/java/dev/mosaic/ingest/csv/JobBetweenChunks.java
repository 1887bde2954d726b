package dev.mosaic.ingest.csv;

import dev.mosaic.testing.TestPostgres;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Holds a background import between two chunks, so a test can look at it standing still. A chunk commits
 * only after it has locked its job's row; while the test holds that row, the job reads and ingests its
 * next chunk but cannot commit it, and what the API shows does not move.
 *
 * <p>To let one waiting step through, a second connection first queues for the row behind the job, and
 * only then does the first let go: PostgreSQL grants a row to its waiters in turn, so the job's step
 * commits and the test holds the row again right after it. (Letting go first and locking again would
 * race the job, and usually win.)
 */
final class JobBetweenChunks implements AutoCloseable {

    private final Connection observer;
    private final String tenantId;
    private final UUID importId;
    private Holder holding;
    private Holder spare;

    private record Holder(Connection connection, int pid) {
    }

    private JobBetweenChunks(TestPostgres database, String tenantId, UUID importId) throws SQLException {
        this.observer = database.connect();
        this.tenantId = tenantId;
        this.importId = importId;
        this.holding = holder(database);
        this.spare = holder(database);
    }

    static JobBetweenChunks hold(TestPostgres database, String tenantId, UUID importId) throws SQLException {
        JobBetweenChunks gate = new JobBetweenChunks(database, tenantId, importId);
        gate.lockRow(gate.holding);
        return gate;
    }

    /** True when the job waits for its row: a chunk ingested and ready to commit, or the job's start or end. */
    boolean jobIsWaiting() throws SQLException {
        try (PreparedStatement waiting = observer.prepareStatement("select count(*) from pg_stat_activity "
                + "where datname = current_database() and pid <> all(?) and wait_event_type = 'Lock' "
                + "and query ilike '%csv_import_job%'")) {
            waiting.setArray(1, observer.createArrayOf("int4", new Integer[] {holding.pid(), spare.pid()}));
            try (ResultSet count = waiting.executeQuery()) {
                count.next();
                return count.getInt(1) > 0;
            }
        }
    }

    /** Lets the job's waiting step commit, and holds the job again right behind it. */
    void letWaitingStepThrough() throws Exception {
        Holder next = spare;
        CompletableFuture<Void> locked = CompletableFuture.runAsync(() -> {
            try {
                lockRow(next);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofMinutes(1)).until(() -> isWaiting(next.pid()));
        holding.connection().commit();
        locked.get(1, TimeUnit.MINUTES);
        spare = holding;
        holding = next;
    }

    /**
     * Lets the job on, one waiting step at a time, until the {@code progress} it shows satisfies
     * {@code reached}; returns that progress, with the job held there.
     */
    JsonNode advanceUntil(Callable<JsonNode> progress, Predicate<JsonNode> reached) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() -> {
            last.set(progress.call());
            if (reached.test(last.get())) {
                return true;
            }
            if (jobIsWaiting()) {
                letWaitingStepThrough();
            }
            return false;
        });
        return last.get();
    }

    private boolean isWaiting(int pid) throws SQLException {
        try (PreparedStatement waiting = observer.prepareStatement(
                "select count(*) from pg_stat_activity where pid = ? and wait_event_type = 'Lock'")) {
            waiting.setInt(1, pid);
            try (ResultSet count = waiting.executeQuery()) {
                count.next();
                return count.getInt(1) > 0;
            }
        }
    }

    private void lockRow(Holder holder) throws SQLException {
        try (PreparedStatement lock = holder.connection().prepareStatement(
                // "No key": inserts that reference the job (its errors, its claimed ids) need not wait.
                "select 1 from csv_import_job where tenant_id = ? and import_id = ? for no key update")) {
            lock.setString(1, tenantId);
            lock.setObject(2, importId);
            lock.executeQuery().close();
        }
    }

    private static Holder holder(TestPostgres database) throws SQLException {
        Connection connection = database.connect();
        connection.setAutoCommit(false);
        try (ResultSet pid = connection.createStatement().executeQuery("select pg_backend_pid()")) {
            pid.next();
            return new Holder(connection, pid.getInt(1));
        }
    }

    /** Lets the job go on; safe to call when the database has gone away meanwhile. */
    @Override
    public void close() {
        for (Holder holder : new Holder[] {holding, spare}) {
            try {
                holder.connection().commit();
            } catch (SQLException e) {
                // The server or the connection is gone: nothing is held any more.
            }
            closeQuietly(holder.connection());
        }
        closeQuietly(observer);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing is all that was left to do.
        }
    }
}
