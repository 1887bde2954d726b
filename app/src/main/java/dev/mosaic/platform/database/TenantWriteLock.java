package dev.mosaic.platform.database;

import dev.mosaic.platform.errors.BusyException;
import java.sql.SQLException;
import java.time.Duration;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Serializes the graph writes of one tenant: chunks of ingest, imports and syncs, edits, merges and unmerges.
 * Taken first in the transaction, before any row lock, so two writers never hold rows the other waits for
 * (no deadlocks), and identity decisions always see the other writer's finished work. Tenants do not wait
 * on each other. Bulk writers hold it for one chunk at a time, so a person's edit waits at most about one
 * chunk's time; {@link #lockInteractive} bounds that wait all the same.
 */
@Component
public class TenantWriteLock {

    /** How long a person's edit, merge or decision waits for a running chunk before Mosaic says it is busy. */
    public static final Duration INTERACTIVE_WAIT = Duration.ofSeconds(5);
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final DSLContext db;

    public TenantWriteLock(DSLContext db) {
        this.db = db;
    }

    /** Waits as long as it takes; held until the current transaction ends. Asking again in it costs nothing. */
    public void lock(String tenantId) {
        acquire(tenantId, null);
    }

    /** Waits at most {@link #INTERACTIVE_WAIT}, then throws {@link BusyException}. */
    public void lockInteractive(String tenantId) {
        acquire(tenantId, INTERACTIVE_WAIT);
    }

    private void acquire(String tenantId, Duration maxWait) {
        // In autocommit the advisory lock would end with its own statement and protect nothing.
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The tenant write lock is held until the transaction ends, so it needs one: "
                    + "call graph writes inside a transaction");
        }
        String key = "graph-writes:" + tenantId;
        if (TransactionSynchronizationManager.hasResource(key)) {
            return;
        }
        if (maxWait == null) {
            db.fetch("select pg_advisory_xact_lock(hashtext(?))", key);
        } else {
            waitBounded(key, maxWait);
        }
        TransactionSynchronizationManager.bindResource(key, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
    }

    /** Spring translates the driver's error before it gets here; the SQL state tells a lock timeout apart. */
    private static boolean lockTimedOut(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private void waitBounded(String key, Duration maxWait) {
        try {
            // lock_timeout bounds this one wait; it is set back at once, so later statements are not cut short.
            db.fetch("select set_config('lock_timeout', ?, true)", maxWait.toMillis() + "ms");
            db.fetch("select pg_advisory_xact_lock(hashtext(?))", key);
            db.execute("set local lock_timeout to default");
        } catch (RuntimeException e) {
            if (lockTimedOut(e)) {
                throw new BusyException("Another write to this workspace's customer graph (an import or a sync) "
                        + "is running and did not finish within " + maxWait.toSeconds() + " seconds. Try again in a moment.",
                        Duration.ofSeconds(2));
            }
            throw e;
        }
    }
}
