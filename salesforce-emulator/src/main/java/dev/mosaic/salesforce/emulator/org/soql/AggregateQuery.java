package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.QueryResult;
import dev.mosaic.salesforce.emulator.org.schema.FieldDef;
import dev.mosaic.salesforce.emulator.org.schema.FieldType;
import dev.mosaic.salesforce.emulator.org.soql.SoqlStatement.AggregateItem;
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
 * Aggregates without GROUP BY ({@code SELECT COUNT(Id), MAX(SystemModstamp) FROM Contact}): one
 * {@code AggregateResult} row whose columns are named by alias or {@code expr0}, {@code expr1}, ….
 */
final class AggregateQuery {
    private final List<AggregateItem> items;
    private final List<FieldPath> paths;

    private AggregateQuery(List<AggregateItem> items, List<FieldPath> paths) {
        this.items = items;
        this.paths = paths;
    }

    static AggregateQuery bind(String soql, ObjectTable table, PathBinder binder, List<AggregateItem> items) {
        List<FieldPath> paths = new ArrayList<>();
        for (AggregateItem item : items) {
            FieldPath path = binder.bind(table.def(), item.path(), item.pathOffset());
            FieldType type = path.leafType();
            boolean numeric = type.isNumeric();
            boolean ordered = numeric || type == FieldType.DATE || type == FieldType.DATETIME || type.isText()
                    || type == FieldType.ID || type == FieldType.REFERENCE;
            boolean allowed = switch (item.function()) {
                case "SUM", "AVG" -> numeric;
                case "MIN", "MAX" -> ordered && path.leaf().sortable();
                default -> path.leaf().filterable();
            };
            if (!allowed) {
                throw SoqlErrors.malformed(soql, item.pathOffset(), "field " + path.leaf().name()
                        + " does not support aggregate operator " + item.function());
            }
            paths.add(path);
        }
        return new AggregateQuery(items, paths);
    }

    QueryResult run(RecordStore store, ObjectTable table, int[] rows) {
        Map<String, Object> record = new LinkedHashMap<>();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("type", "AggregateResult");
        record.put("attributes", attributes);
        int unnamed = 0;
        for (int i = 0; i < items.size(); i++) {
            AggregateItem item = items.get(i);
            String name = item.alias() != null ? item.alias() : "expr" + unnamed++;
            record.put(name, compute(store, table, rows, item.function(), paths.get(i)));
        }
        return new SingleRowResult(table.def().name(), record);
    }

    private static Object compute(RecordStore store, ObjectTable table, int[] rows, String function, FieldPath path) {
        FieldDef leaf = path.leaf();
        switch (function) {
            case "COUNT" -> {
                int n = 0;
                for (int row : rows) {
                    if (path.read(table, row) != null) {
                        n++;
                    }
                }
                return n;
            }
            case "COUNT_DISTINCT" -> {
                Set<Object> seen = new HashSet<>();
                for (int row : rows) {
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
                    Object v = path.read(table, row);
                    if (v != null) {
                        sum += ((Number) v).doubleValue();
                        n++;
                    }
                }
                if (n == 0) {
                    return null;
                }
                return function.equals("SUM") ? (Object) (leaf.type() == FieldType.INT ? (Object) (long) sum : sum)
                        : (Object) (sum / n);
            }
            default -> {
                Comparator<Object> cmp = StoredValues.comparator(leaf);
                Object best = null;
                for (int row : rows) {
                    Object v = path.read(table, row);
                    if (v != null && (best == null || (function.equals("MIN") ? cmp.compare(v, best) < 0
                            : cmp.compare(v, best) > 0))) {
                        best = v;
                    }
                }
                return ValueFormat.rest(store, leaf, best);
            }
        }
    }

    /** One already-formatted row. */
    private record SingleRowResult(String objectName, Map<String, Object> record) implements QueryResult {
        @Override
        public int totalSize() {
            return 1;
        }

        @Override
        public boolean isCount() {
            return false;
        }

        @Override
        public List<Map<String, Object>> restRecords(int from, int to, String apiVersion) {
            return from <= 0 && to >= 1 ? List.of(record) : List.of();
        }

        @Override
        public List<String> csvHeader() {
            return new ArrayList<>(record.keySet()).subList(1, record.size());
        }

        @Override
        public List<List<String>> csvRows(int from, int to) {
            if (from > 0 || to < 1) {
                return List.of();
            }
            List<String> cells = new ArrayList<>();
            record.values().stream().skip(1).forEach(v -> cells.add(v == null ? "" : v.toString()));
            return List.of(cells);
        }
    }
}
