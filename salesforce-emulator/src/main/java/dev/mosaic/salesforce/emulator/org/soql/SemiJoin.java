package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.schema.FieldType;
import dev.mosaic.salesforce.emulator.org.schema.ObjectDef;
import dev.mosaic.salesforce.emulator.org.soql.SoqlStatement.FieldItem;
import dev.mosaic.salesforce.emulator.org.store.ObjectTable;
import dev.mosaic.salesforce.emulator.org.store.RecordStore;

import java.util.HashSet;
import java.util.Set;

/**
 * A semi-join's inner query ({@code … IN (SELECT AccountId FROM Contact WHERE …)}), bound when the
 * outer query is checked and run once, the first time the outer filter needs it — inside the read
 * lock the outer query holds.
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

    /** Context the filter compiler needs to bind semi-joins. */
    record Binder(RecordStore store, PathBinder paths, LiteralValues literals, boolean includeDeleted, long nowMillis) {
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
        return new SemiJoin(table, selected, filter, context.includeDeleted(), context.nowMillis());
    }

    synchronized Set<Long> keys() {
        if (keys == null) {
            Set<Long> found = new HashSet<>();
            for (int row = 0; row < table.size(); row++) {
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
        return keys;
    }
}
