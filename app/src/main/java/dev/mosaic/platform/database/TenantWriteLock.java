package dev.mosaic.platform.database;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Serializes the graph writes of one tenant: ingest batches, edits, merges and unmerges. Taken first in
 * the transaction, before any row lock, so two writers never hold rows the other waits for (no deadlocks),
 * and identity decisions always see the other writer's finished work. Tenants do not wait on each other.
 */
@Component
public class TenantWriteLock {

    private final DSLContext db;

    public TenantWriteLock(DSLContext db) {
        this.db = db;
    }

    /** Holds until the current transaction ends. Asking again in the same transaction costs no round trip. */
    public void lock(String tenantId) {
        String key = "graph-writes:" + tenantId;
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            db.fetch("select pg_advisory_xact_lock(hashtext(?))", key);
            return;
        }
        if (TransactionSynchronizationManager.hasResource(key)) {
            return;
        }
        db.fetch("select pg_advisory_xact_lock(hashtext(?))", key);
        TransactionSynchronizationManager.bindResource(key, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
    }
}
