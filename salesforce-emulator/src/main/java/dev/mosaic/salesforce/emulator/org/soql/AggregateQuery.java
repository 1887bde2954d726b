package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.QueryResult;
import dev.mosaic.salesforce.emulator.org.schema.FieldDef;
import dev.mosaic.salesforce.emulator.org.schema.FieldType;
import dev.mosaic.salesforce.emulator.org.soql.SoqlStatement.AggregateItem;
import dev.mosaic.salesforce.emulator.org.soql.SoqlStatement.FieldItem;
import dev.mosaic.salesforce.emulator.org.soql.SoqlStatement.OrderItem;
import dev.mosaic.salesforce.emulator.org.soql.SoqlStatement.SelectItem;
import dev.mosaic.salesforce.emulator.org.store.ObjectTable;
import dev.mosaic.salesforce.emulator.org.store.RecordStore;
import dev.mosaic.salesforce.emulator.org.store.ValueFormat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aggregate queries: {@code SELECT StageName, COUNT(Id) total FROM Opportunity GROUP BY StageName}
 * or, without GROUP BY, one row over all matches. Each row is an {@code AggregateResult}; grouped
 * fields appear under their field name, aggregates under their alias or {@code expr0}, {@code expr1}, ….
 */
final class AggregateQuery {
    /** One output column: a grouped field (index into the group key) or an aggregate. */
    private record Column(String name, int groupIndex, AggregateItem aggregate, FieldPath path) {
    }

    private final List<Column> columns;
    private final List<FieldPath> groupPaths;
    private final List<OrderItem> orderBy;
    private final int[] orderGroupIndex;
    private final Integer limit;
    private final int offset;

    private AggregateQuery(List<Column> columns, List<FieldPath> groupPaths, List<OrderItem> orderBy,
                           int[] orderGroupIndex, Integer limit, Integer offset) {
        this.columns = columns;
        this.groupPaths = groupPaths;
        this.orderBy = orderBy;
        this.orderGroupIndex = orderGroupIndex;
        this.limit = limit;
        this.offset = offset == null ? 0 : offset;
    }

    static AggregateQuery bind(String soql, ObjectTable table, PathBinder binder, SoqlStatement statement) {
        List<FieldPath> groupPaths = new ArrayList<>();
        for (FieldItem g : statement.groupBy()) {
            FieldPath path = binder.bind(table.def(), g.path(), g.offset());
            if (!path.leaf().groupable()) {
                throw SoqlErrors.invalidField(soql, g.offset(),
                        "field '" + path.leaf().name() + "' can not be grouped in a query call");
            }
            groupPaths.add(path);
        }
        List<Column> columns = new ArrayList<>();
        int unnamed = 0;
        for (SelectItem item : statement.select()) {
            if (item instanceof FieldItem f) {
                FieldPath path = binder.bind(table.def(), f.path(), f.offset());
                int index = indexOf(groupPaths, path);
                if (index < 0) {
                    throw SoqlErrors.malformed(soql, f.offset(), "Field must be grouped or aggregated: " + f.path());
                }
                columns.add(new Column(path.leaf().name(), index, null, path));
            } else if (item instanceof AggregateItem a) {
                FieldPath path = bindAggregate(soql, table, binder, a);
                columns.add(new Column(a.alias() != null ? a.alias() : "expr" + unnamed++, -1, a, path));
            } else {
                throw SoqlErrors.malformed(soql, 0, "unexpected token: 'COUNT'");
            }
        }
        int[] orderGroupIndex = new int[statement.orderBy().size()];
        for (int i = 0; i < orderGroupIndex.length; i++) {
            OrderItem o = statement.orderBy().get(i);
            int index = indexOf(groupPaths, binder.bind(table.def(), o.path(), o.offset()));
            if (index < 0) {
                throw SoqlErrors.malformed(soql, o.offset(), "Ordered field must be grouped or aggregated: " + o.path());
            }
            orderGroupIndex[i] = index;
        }
        return new AggregateQuery(columns, groupPaths, statement.orderBy(), orderGroupIndex, statement.limit(),
                statement.offset());
    }

    private static int indexOf(List<FieldPath> paths, FieldPath path) {
        for (int i = 0; i < paths.size(); i++) {
            if (paths.get(i).canonical().equalsIgnoreCase(path.canonical())) {
                return i;
            }
        }
        return -1;
    }

    private static FieldPath bindAggregate(String soql, ObjectTable table, PathBinder binder, AggregateItem item) {
        FieldPath path = binder.bind(table.def(), item.path(), item.pathOffset());
        FieldType type = path.leafType();
        boolean numeric = type.isNumeric();
        boolean allowed = switch (item.function()) {
            case "SUM", "AVG" -> numeric;
            case "MIN", "MAX" -> path.leaf().sortable();
            default -> path.leaf().filterable();
        };
        if (!allowed) {
            throw SoqlErrors.malformed(soql, item.pathOffset(), "field " + path.leaf().name()
                    + " does not support aggregate operator " + item.function());
        }
        return path;
    }

    /** Groups and aggregates the matching rows; each row grouped or aggregated is a step of the deadline. */
    QueryResult run(RecordStore store, ObjectTable table, int[] rows, QueryTimeout.Deadline deadline) {
        Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
        Map<List<Object>, Object[]> shown = new LinkedHashMap<>();
        if (groupPaths.isEmpty()) {
            List<Integer> all = new ArrayList<>(rows.length);
            for (int row : rows) {
                all.add(row);
            }
            groups.put(List.of(), all);
            shown.put(List.of(), new Object[0]);
        } else {
            for (int row : rows) {
                deadline.tick();
                List<Object> key = new ArrayList<>(groupPaths.size());
                Object[] values = new Object[groupPaths.size()];
                for (int i = 0; i < groupPaths.size(); i++) {
                    values[i] = groupPaths.get(i).read(table, row);
                    key.add(StoredValues.setKey(groupPaths.get(i).leaf(), values[i]));
                }
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
                shown.putIfAbsent(key, values);
            }
        }
        List<Object[]> ordered = new ArrayList<>(shown.values());
        if (!orderBy.isEmpty()) {
            Comparator<Object[]> byGroup = groupComparator();
            ordered.sort((a, b) -> {
                deadline.tick();
                return byGroup.compare(a, b);
            });
        }
        List<Map<String, Object>> records = new ArrayList<>();
        int end = limit == null ? ordered.size() : (int) Math.min(ordered.size(), (long) offset + limit);
        for (int g = Math.min(offset, ordered.size()); g < end; g++) {
            Object[] values = ordered.get(g);
            List<Object> key = new ArrayList<>(values.length);
            for (int i = 0; i < values.length; i++) {
                key.add(StoredValues.setKey(groupPaths.get(i).leaf(), values[i]));
            }
            records.add(record(store, table, groups.get(key), values, deadline));
        }
        return new AggregateRows(table.def().name(), records);
    }

    private Comparator<Object[]> groupComparator() {
        return (a, b) -> {
            for (int i = 0; i < orderBy.size(); i++) {
                int k = orderGroupIndex[i];
                OrderItem item = orderBy.get(i);
                Object va = a[k];
                Object vb = b[k];
                boolean nullsFirst = item.nullsFirst() != null ? item.nullsFirst() : item.ascending();
                if (va == null || vb == null) {
                    if (va == vb) {
                        continue;
                    }
                    return (va == null) == nullsFirst ? -1 : 1;
                }
                int c = StoredValues.comparator(groupPaths.get(k).leaf()).compare(va, vb);
                if (c != 0) {
                    return item.ascending() ? c : -c;
                }
            }
            return 0;
        };
    }

    private Map<String, Object> record(RecordStore store, ObjectTable table, List<Integer> rows, Object[] groupValues,
                                       QueryTimeout.Deadline deadline) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("attributes", Map.of("type", "AggregateResult"));
        for (Column c : columns) {
            if (c.aggregate() == null) {
                record.put(c.name(), ValueFormat.rest(store, c.path().leaf(), groupValues[c.groupIndex()]));
            } else {
                record.put(c.name(), compute(store, table, rows, c.aggregate().function(), c.path(), deadline));
            }
        }
        return record;
    }

    private static Object compute(RecordStore store, ObjectTable table, List<Integer> rows, String function,
                                  FieldPath path, QueryTimeout.Deadline deadline) {
        FieldDef leaf = path.leaf();
        switch (function) {
            case "COUNT" -> {
                int n = 0;
                for (int row : rows) {
                    deadline.tick();
                    if (path.read(table, row) != null) {
                        n++;
                    }
                }
                return n;
            }
            case "COUNT_DISTINCT" -> {
                Set<Object> seen = new HashSet<>();
                for (int row : rows) {
                    deadline.tick();
                    Object v = path.read(table, row);
                    if (v != null) {
                        seen.add(StoredValues.setKey(leaf, v));
                    }
                }
                return seen.size();
            }
            case "SUM", "AVG" -> {
                double sum = 0;
                int n = 0;
                for (int row : rows) {
                    deadline.tick();
                    Object v = path.read(table, row);
                    if (v != null) {
                        sum += ((Number) v).doubleValue();
                        n++;
                    }
                }
                if (n == 0) {
                    return null;
                }
                if (function.equals("AVG")) {
                    return sum / n;
                }
                return leaf.type() == FieldType.INT ? (Object) (long) sum : (Object) sum;
            }
            default -> {
                Comparator<Object> cmp = StoredValues.comparator(leaf);
                boolean min = function.equals("MIN");
                Object best = null;
                for (int row : rows) {
                    deadline.tick();
                    Object v = path.read(table, row);
                    if (v != null && (best == null || (min ? cmp.compare(v, best) < 0 : cmp.compare(v, best) > 0))) {
                        best = v;
                    }
                }
                return ValueFormat.rest(store, leaf, best);
            }
        }
    }

    /** Already-formatted aggregate rows. */
    private record AggregateRows(String objectName, List<Map<String, Object>> records) implements QueryResult {
        @Override
        public int totalSize() {
            return records.size();
        }

        @Override
        public boolean isCount() {
            return false;
        }

        @Override
        public List<Map<String, Object>> restRecords(int from, int to, String apiVersion) {
            return records.subList(Math.min(Math.max(0, from), records.size()), Math.min(Math.max(0, to), records.size()));
        }

        @Override
        public List<String> csvHeader() {
            return records.isEmpty() ? List.of() : new ArrayList<>(records.get(0).keySet()).subList(1, records.get(0).size());
        }

        @Override
        public List<List<String>> csvRows(int from, int to) {
            List<List<String>> out = new ArrayList<>();
            for (Map<String, Object> r : restRecords(from, to, null)) {
                List<String> cells = new ArrayList<>();
                r.values().stream().skip(1).forEach(v -> cells.add(v == null ? "" : v.toString()));
                out.add(cells);
            }
            return out;
        }
    }
}
