package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.soql.SoqlStatement.OrderItem;
import dev.mosaic.salesforce.emulator.org.store.ObjectTable;
import dev.mosaic.salesforce.emulator.org.store.RowComparator;

import java.util.Comparator;
import java.util.List;

/** ORDER BY as a row comparator: nulls first ascending and last descending unless told, ties by Id. */
final class RowOrdering {
    private RowOrdering() {
    }

    static RowComparator compile(String soql, ObjectTable table, PathBinder binder, List<OrderItem> items) {
        int n = items.size();
        FieldPath[] paths = new FieldPath[n];
        @SuppressWarnings("unchecked")
        Comparator<Object>[] comparators = new Comparator[n];
        boolean[] ascending = new boolean[n];
        boolean[] nullsFirst = new boolean[n];
        for (int i = 0; i < n; i++) {
            OrderItem item = items.get(i);
            FieldPath path = binder.bind(table.def(), item.path(), item.offset());
            if (!path.leaf().sortable()) {
                throw SoqlErrors.invalidField(soql, item.offset(),
                        "field '" + path.leaf().name() + "' can not be sorted in a query call");
            }
            paths[i] = path;
            comparators[i] = StoredValues.comparator(path.leaf());
            ascending[i] = item.ascending();
            nullsFirst[i] = item.nullsFirst() != null ? item.nullsFirst() : item.ascending();
        }
        return (a, b) -> {
            for (int i = 0; i < n; i++) {
                Object va = paths[i].read(table, a);
                Object vb = paths[i].read(table, b);
                int c;
                if (va == null || vb == null) {
                    if (va == vb) {
                        continue;
                    }
                    c = (va == null) == nullsFirst[i] ? -1 : 1;
                    return c;
                }
                c = comparators[i].compare(va, vb);
                if (c != 0) {
                    return ascending[i] ? c : -c;
                }
            }
            return Integer.compare(a, b);
        };
    }
}
