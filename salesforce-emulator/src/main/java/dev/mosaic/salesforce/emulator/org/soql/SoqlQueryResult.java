package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.QueryResult;
import dev.mosaic.salesforce.emulator.org.store.ObjectTable;
import dev.mosaic.salesforce.emulator.org.store.RecordStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Matching row numbers, formatted only when a page is asked for (under the store's read lock), so a
 * million-row result costs four bytes a row until it is read.
 */
final class SoqlQueryResult implements QueryResult {
    private final RecordStore store;
    private final ObjectTable table;
    private final List<SelectedColumn> columns;
    private final List<FieldPath> fieldPaths;
    private final int[] rows;
    private final int totalSize;
    private final boolean count;
    private final ChildRecords children;
    private final QueryTimeout timeout;

    SoqlQueryResult(RecordStore store, ObjectTable table, List<SelectedColumn> columns, int[] rows, int totalSize,
                    boolean count, ChildRecords children, QueryTimeout timeout) {
        this.store = store;
        this.table = table;
        this.columns = columns;
        this.rows = rows;
        this.totalSize = totalSize;
        this.count = count;
        this.children = children;
        this.timeout = timeout;
        List<FieldPath> paths = new ArrayList<>();
        for (SelectedColumn c : columns) {
            if (c instanceof SelectedColumn.Field f) {
                paths.add(f.path());
            }
        }
        this.fieldPaths = List.copyOf(paths);
    }

    @Override
    public String objectName() {
        return table.def().name();
    }

    @Override
    public int totalSize() {
        return totalSize;
    }

    @Override
    public boolean isCount() {
        return count;
    }

    @Override
    public List<Map<String, Object>> restRecords(int from, int to, String apiVersion) {
        int start = Math.max(0, from);
        int end = Math.min(rows.length, to);
        if (start >= end) {
            return List.of();
        }
        return store.read(() -> {
            RecordFormatter formatter = new RecordFormatter(store);
            List<Map<String, Object>> out = new ArrayList<>(end - start);
            Map<Integer, Map<String, Object>> childBlocks = children == null ? Map.of()
                    : children.forParents(rows, start, end, apiVersion, timeout.start());
            for (int i = start; i < end; i++) {
                int row = rows[i];
                Map<String, Object> record = new java.util.LinkedHashMap<>();
                record.put("attributes", RecordFormatter.attributes(table.def().name(), store.idOf(table, row), apiVersion));
                for (SelectedColumn c : columns) {
                    if (c instanceof SelectedColumn.Field f) {
                        formatter.putPath(record, table, row, f.path(), apiVersion);
                    } else if (c instanceof SelectedColumn.TypeOf typeOf) {
                        record.put(typeOf.relationshipName(), formatter.typeOf(table, row, typeOf, apiVersion));
                    } else if (c instanceof SelectedColumn.Children ch) {
                        record.put(ch.relationshipName(), children.block(childBlocks, ch.relationshipName(), row));
                    }
                }
                out.add(record);
            }
            return out;
        });
    }

    @Override
    public List<String> csvHeader() {
        List<String> header = new ArrayList<>(fieldPaths.size());
        for (FieldPath p : fieldPaths) {
            header.add(p.canonical());
        }
        return header;
    }

    @Override
    public List<List<String>> csvRows(int from, int to) {
        int start = Math.max(0, from);
        int end = Math.min(rows.length, to);
        if (start >= end) {
            return List.of();
        }
        return store.read(() -> {
            RecordFormatter formatter = new RecordFormatter(store);
            List<List<String>> out = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                out.add(formatter.csvRow(table, rows[i], fieldPaths));
            }
            return out;
        });
    }
}
