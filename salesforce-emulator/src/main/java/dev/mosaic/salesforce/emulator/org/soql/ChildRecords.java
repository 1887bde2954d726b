package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.store.ObjectTable;
import dev.mosaic.salesforce.emulator.org.store.RecordStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parent-to-child subqueries, resolved one page of parents at a time: each child object is scanned
 * once per page and its rows grouped under their parent. That scan is the work a later page does, so
 * each page has a deadline of its own.
 */
final class ChildRecords {
    private final RecordStore store;
    private final ObjectTable parentTable;
    private final List<SelectedColumn.Children> subqueries;
    private final boolean includeDeleted;
    private final long nowMillis;

    ChildRecords(RecordStore store, ObjectTable parentTable, List<SelectedColumn.Children> subqueries,
                 boolean includeDeleted, long nowMillis) {
        this.store = store;
        this.parentTable = parentTable;
        this.subqueries = subqueries;
        this.includeDeleted = includeDeleted;
        this.nowMillis = nowMillis;
    }

    /** Per relationship name, per parent row: the nested {@code {"totalSize","done","records"}} block. */
    Map<Integer, Map<String, Object>> forParents(int[] rows, int from, int to, String apiVersion,
                                                 QueryTimeout.Deadline deadline) {
        Map<Integer, Map<String, Object>> byParent = new HashMap<>();
        Map<Long, Integer> parentKeys = new HashMap<>();
        for (int i = from; i < to; i++) {
            parentKeys.put(RecordStore.key(parentTable.code(), rows[i]), rows[i]);
        }
        RecordFormatter formatter = new RecordFormatter(store);
        for (SelectedColumn.Children sub : subqueries) {
            ObjectTable child = sub.childTable();
            Map<Integer, List<Integer>> grouped = new HashMap<>();
            for (int r = 0; r < child.size(); r++) {
                deadline.tick();
                Object parent = child.get(r, sub.parentField());
                if (parent == null) {
                    continue;
                }
                Integer parentRow = parentKeys.get((Long) parent);
                if (parentRow == null) {
                    continue;
                }
                if (!includeDeleted && (child.isDeleted(r) || child.isArchived(r)) || child.isPurged(r, nowMillis)) {
                    continue;
                }
                if (!sub.filter().test(r)) {
                    continue;
                }
                grouped.computeIfAbsent(parentRow, k -> new ArrayList<>()).add(r);
            }
            for (Map.Entry<Integer, List<Integer>> e : grouped.entrySet()) {
                int[] childRows = e.getValue().stream().mapToInt(Integer::intValue).toArray();
                if (sub.order() != null) {
                    sub.order().sort(childRows, deadline);
                }
                int n = sub.limit() == null ? childRows.length : Math.min(sub.limit(), childRows.length);
                List<Map<String, Object>> records = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    records.add(formatter.restRecord(child, childRows[i], sub.fields(), apiVersion));
                }
                Map<String, Object> block = new LinkedHashMap<>();
                block.put("totalSize", n);
                block.put("done", true);
                block.put("records", records);
                byParent.computeIfAbsent(e.getKey(), k -> new HashMap<>()).put(sub.relationshipName(), block);
            }
        }
        return byParent;
    }

    Object block(Map<Integer, Map<String, Object>> blocks, String relationshipName, int parentRow) {
        Map<String, Object> forRow = blocks.get(parentRow);
        return forRow == null ? null : forRow.get(relationshipName);
    }
}
