package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.soql.SoqlStatement.OrderItem;
import dev.mosaic.salesforce.emulator.org.store.ObjectTable;
import dev.mosaic.salesforce.emulator.org.store.RowSorter;

import java.util.Comparator;
import java.util.List;

/**
 * ORDER BY: nulls first ascending and last descending unless told otherwise, ties broken by Id so
 * paging is stable. Sort keys are read once per row before sorting, not once per comparison.
 */
final class RowOrdering {
    private final ObjectTable table;
    private final FieldPath[] paths;
    private final Comparator<Object>[] comparators;
    private final boolean[] ascending;
    private final boolean[] nullsFirst;

    @SuppressWarnings("unchecked")
    private RowOrdering(ObjectTable table, int n) {
        this.table = table;
        this.paths = new FieldPath[n];
        this.comparators = new Comparator[n];
        this.ascending = new boolean[n];
        this.nullsFirst = new boolean[n];
    }

    static RowOrdering compile(String soql, ObjectTable table, PathBinder binder, List<OrderItem> items) {
        RowOrdering ordering = new RowOrdering(table, items.size());
        for (int i = 0; i < items.size(); i++) {
            OrderItem item = items.get(i);
            FieldPath path = binder.bind(table.def(), item.path(), item.offset());
            if (!path.leaf().sortable()) {
                throw SoqlErrors.invalidField(soql, item.offset(),
                        "field '" + path.leaf().name() + "' can not be sorted in a query call");
            }
            ordering.paths[i] = path;
            ordering.comparators[i] = StoredValues.comparator(path.leaf());
            ordering.ascending[i] = item.ascending();
            ordering.nullsFirst[i] = item.nullsFirst() != null ? item.nullsFirst() : item.ascending();
        }
        return ordering;
    }

    /** Sorts rows in place; a read or a comparison is a step of the deadline. */
    void sort(int[] rows, QueryTimeout.Deadline deadline) {
        int n = rows.length;
        int keys = paths.length;
        Object[][] cached = new Object[keys][n];
        for (int k = 0; k < keys; k++) {
            for (int i = 0; i < n; i++) {
                deadline.tick();
                cached[k][i] = paths[k].read(table, rows[i]);
            }
        }
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = i;
        }
        RowSorter.sort(positions, 0, n, (a, b) -> {
            deadline.tick();
            for (int k = 0; k < keys; k++) {
                Object va = cached[k][a];
                Object vb = cached[k][b];
                if (va == null || vb == null) {
                    if (va == vb) {
                        continue;
                    }
                    return (va == null) == nullsFirst[k] ? -1 : 1;
                }
                int c = comparators[k].compare(va, vb);
                if (c != 0) {
                    return ascending[k] ? c : -c;
                }
            }
            return Integer.compare(rows[a], rows[b]);
        });
        int[] sorted = new int[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = rows[positions[i]];
        }
        System.arraycopy(sorted, 0, rows, 0, n);
    }
}
