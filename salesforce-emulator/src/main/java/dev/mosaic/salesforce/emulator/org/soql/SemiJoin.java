package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.schema.FieldType;
import dev.mosaic.salesforce.emulator.org.schema.ObjectDef;
import dev.mosaic.salesforce.emulator.org.soql.SoqlStatement.FieldItem;
import dev.mosaic.salesforce.emulator.org.store.ObjectTable;
import dev.mosaic.salesforce.emulator.org.store.RecordStore;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A semi-join's inner query ({@code … IN (SELECT AccountId FROM Contact WHERE …)}), bound when the
 * outer query is checked and run once when the outer query runs, before its scan — inside the read
 * lock and within the deadline of the outer query (a subquery's filter may need it pages later).
 */
final class SemiJoin {
    private final ObjectTable table;
    private final FieldPath selected;
    private final RowFilter filter;
    private final boolean includeDeleted;
    private final long nowMillis;
    private Set<Long> keys;

    private SemiJoin(ObjectTable table, FieldPath selected, RowFilter filter, boolean includeDeleted, long nowMillis) {
        this.table = table;
        this.selected = selected;
        this.filter = filter;
        this.includeDeleted = includeDeleted;
        this.nowMillis = nowMillis;
    }

    /** Context the filter compiler needs to bind semi-joins; {@code bound} collects them, inner ones first. */
    record Binder(RecordStore store, PathBinder paths, LiteralValues literals, boolean includeDeleted, long nowMillis,
                  List<SemiJoin> bound) {

        void load(QueryTimeout.Deadline deadline) {
            for (SemiJoin semiJoin : bound) {
                semiJoin.load(deadline);
            }
        }
    }

    static SemiJoin bind(String soql, SoqlStatement inner, Binder context) {
        ObjectDef def = context.store().schema().object(inner.from());
        if (def == null) {
            throw SoqlErrors.invalidType(soql, inner.fromOffset(), inner.from());
        }
        if (inner.select().size() != 1 || !(inner.select().get(0) instanceof FieldItem item)) {
            throw SoqlErrors.malformed(soql, inner.fromOffset(),
                    "The inner select field must be an Id or a reference field");
        }
        ObjectTable table = context.store().table(def);
        FieldPath selected = context.paths().bind(def, item.path(), item.offset());
        if (selected.leaf().storage() != FieldType.Storage.REF) {
            throw SoqlErrors.malformed(soql, item.offset(), "The inner select field '" + item.path()
                    + "' must be an Id or a reference field");
        }
        RowFilter filter = new FilterCompiler(soql, table, context.paths(), context.literals(), context)
                .compile(inner.where());
        SemiJoin semiJoin = new SemiJoin(table, selected, filter, context.includeDeleted(), context.nowMillis());
        context.bound().add(semiJoin);
        return semiJoin;
    }

    /** The keys the inner query selects; {@link Binder#load} has run it. */
    synchronized Set<Long> keys() {
        return keys;
    }

    private synchronized void load(QueryTimeout.Deadline deadline) {
        if (keys == null) {
            Set<Long> found = new HashSet<>();
            for (int row = 0; row < table.size(); row++) {
                deadline.tick();
                if (table.isPurged(row, nowMillis)
                        || !includeDeleted && (table.isDeleted(row) || table.isArchived(row))) {
                    continue;
                }
                if (filter.test(row)) {
                    Object key = selected.read(table, row);
                    if (key != null) {
                        found.add((Long) key);
                    }
                }
            }
            keys = found;
        }
    }
}
