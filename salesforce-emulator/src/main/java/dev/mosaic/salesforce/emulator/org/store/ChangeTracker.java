package dev.mosaic.salesforce.emulator.org.store;

import dev.mosaic.salesforce.emulator.org.schema.FieldDef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state each row a unit of work touches had before it, so that its end can tell what the unit made, deleted or
 * changed, whatever it did in between (a rolled-back unit changed nothing). Used only under the store's write lock.
 */
final class ChangeTracker {

    /** A touched row: whether it existed before the unit, and the first value of each cell it set. */
    private static final class Touched {
        final ObjectTable table;
        final int row;
        final boolean existed;
        final Map<FieldDef, Object> before = new HashMap<>();

        Touched(ObjectTable table, int row, boolean existed) {
            this.table = table;
            this.row = row;
            this.existed = existed;
        }
    }

    private final Map<Long, Touched> touched = new LinkedHashMap<>();

    void added(ObjectTable table, int row) {
        touched.putIfAbsent(RecordStore.key(table.code(), row), new Touched(table, row, false));
    }

    void beforeSet(ObjectTable table, int row, FieldDef field, Object before) {
        touched.computeIfAbsent(RecordStore.key(table.code(), row), key -> new Touched(table, row, true))
                .before.putIfAbsent(field, before);
    }

    /** What the unit did, record by record, in the order it first touched them. */
    List<RowChange> changes() {
        List<RowChange> changes = new ArrayList<>();
        for (Touched t : touched.values()) {
            ObjectTable table = t.table;
            if (!t.existed) {
                if (table.hasRow(t.row) && !table.isDeleted(t.row)) {
                    changes.add(new RowChange(table, t.row, RowChange.Kind.CREATE, List.of()));
                }
                continue;
            }
            FieldDef isDeleted = table.def().field("IsDeleted");
            boolean wasDeleted = isDeleted != null && t.before.containsKey(isDeleted)
                    ? Boolean.TRUE.equals(t.before.get(isDeleted)) : table.isDeleted(t.row);
            boolean deleted = table.isDeleted(t.row);
            if (!wasDeleted && deleted) {
                changes.add(new RowChange(table, t.row, RowChange.Kind.DELETE, List.of()));
            } else if (wasDeleted && !deleted) {
                changes.add(new RowChange(table, t.row, RowChange.Kind.UNDELETE, List.of()));
            } else if (!deleted) {
                List<FieldDef> changed = new ArrayList<>();
                for (FieldDef field : table.def().fields()) {
                    if (t.before.containsKey(field) && !Objects.equals(t.before.get(field), table.get(t.row, field))) {
                        changed.add(field);
                    }
                }
                // A write that stamped the record is an update even when no value moved (stamps keep whole seconds).
                FieldDef stamped = table.def().field("LastModifiedDate");
                if (!changed.isEmpty() || stamped != null && t.before.containsKey(stamped)) {
                    changes.add(new RowChange(table, t.row, RowChange.Kind.UPDATE, changed));
                }
            }
        }
        return changes;
    }
}
