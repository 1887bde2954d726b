package dev.mosaic.platform.database;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

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

    /** Holds until the current transaction ends; taking it again in the same transaction is free. */
    public void lock(String tenantId) {
        db.fetch("select pg_advisory_xact_lock(hashtext(?))", "graph-writes:" + tenantId);
    }
}
