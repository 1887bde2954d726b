package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.schema.FieldDef;
import dev.mosaic.salesforce.emulator.org.schema.FieldType;
import dev.mosaic.salesforce.emulator.org.schema.ObjectDef;
import dev.mosaic.salesforce.emulator.org.store.ObjectTable;
import dev.mosaic.salesforce.emulator.org.store.RecordStore;
import dev.mosaic.salesforce.emulator.org.store.ValueFormat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders rows the way the REST API returns them: attributes first, every selected field, nested parents. */
public final class RecordFormatter {
    private final RecordStore store;

    public RecordFormatter(RecordStore store) {
        this.store = store;
    }

    /** {@code {"type":"Contact","url":"/services/data/v59.0/sobjects/Contact/003…"}}. */
    public static Map<String, Object> attributes(String objectName, String id, String apiVersion) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("type", objectName);
        attributes.put("url", "/services/data/v" + version(apiVersion) + "/sobjects/" + objectName + "/" + id);
        return attributes;
    }

    /** Accepts "59.0" or "v59.0". */
    public static String version(String apiVersion) {
        if (apiVersion == null || apiVersion.isEmpty()) {
            return "59.0";
        }
        return apiVersion.startsWith("v") ? apiVersion.substring(1) : apiVersion;
    }

    Map<String, Object> restRecord(ObjectTable table, int row, List<FieldPath> paths, String apiVersion) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("attributes", attributes(table.def().name(), store.idOf(table, row), apiVersion));
        for (FieldPath path : paths) {
            putPath(record, table, row, path, apiVersion);
        }
        return record;
    }

    @SuppressWarnings("unchecked")
    void putPath(Map<String, Object> record, ObjectTable table, int row, FieldPath path, String apiVersion) {
        Map<String, Object> at = record;
        for (int level = 1; level <= path.hops(); level++) {
            String rel = path.relationshipNames().get(level - 1);
            if (at.containsKey(rel)) {
                Object existing = at.get(rel);
                if (existing == null) {
                    return;
                }
                at = (Map<String, Object>) existing;
                continue;
            }
            long key = path.keyAt(table, row, level);
            if (key == RecordStore.NO_KEY) {
                at.put(rel, null);
                return;
            }
            ObjectTable parent = store.tableOf(key);
            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put("attributes", attributes(parent.def().name(), store.idOf(key), apiVersion));
            at.put(rel, nested);
            at = nested;
        }
        long key = path.keyAt(table, row, path.hops());
        if (key == RecordStore.NO_KEY) {
            return;
        }
        ObjectTable leafTable = store.tableOf(key);
        if (path.isObjectType()) {
            at.put("Type", leafTable.def().name());
            return;
        }
        FieldDef leaf = path.hops() == 0 ? path.leaf() : path.leafOn(leafTable);
        if (leaf == null) {
            // A polymorphic parent of a type without this field: present, and null.
            at.put(path.leaf().name(), null);
            return;
        }
        at.put(leaf.name(), restValue(leafTable, RecordStore.rowOf(key), leaf));
    }

    /** A TYPEOF column: the parent's attributes and the fields its object's branch (or ELSE) names. */
    Object typeOf(ObjectTable table, int row, SelectedColumn.TypeOf typeOf, String apiVersion) {
        Object parent = table.get(row, typeOf.lookup());
        if (parent == null || !store.exists((Long) parent)) {
            return null;
        }
        long key = (Long) parent;
        ObjectTable parentTable = store.tableOf(key);
        int parentRow = RecordStore.rowOf(key);
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("attributes", attributes(parentTable.def().name(), store.idOf(key), apiVersion));
        List<FieldPath> branch = typeOf.branches().get(parentTable.def().name());
        if (branch != null) {
            for (FieldPath path : branch) {
                putPath(nested, parentTable, parentRow, path, apiVersion);
            }
        } else {
            // ELSE paths start at the child ("What.Name"); their values sit directly under the parent.
            Map<String, Object> holder = new LinkedHashMap<>();
            for (FieldPath path : typeOf.otherwise()) {
                putPath(holder, table, row, path, apiVersion);
            }
            Object inner = holder.get(typeOf.relationshipName());
            if (inner instanceof Map<?, ?> values) {
                values.forEach((k, v) -> {
                    if (!"attributes".equals(k)) {
                        nested.put((String) k, v);
                    }
                });
            }
        }
        return nested;
    }

    /** One field of one row as REST JSON; compound addresses become objects (null when empty). */
    public Object restValue(ObjectTable table, int row, FieldDef field) {
        if (field.type() == FieldType.ADDRESS || field.type() == FieldType.LOCATION) {
            return compound(table, row, field);
        }
        return ValueFormat.rest(store, field, table.get(row, field));
    }

    private Object compound(ObjectTable table, int row, FieldDef compound) {
        ObjectDef def = table.def();
        Map<String, Object> parts = new java.util.TreeMap<>();
        boolean any = false;
        String prefix = compound.name().substring(0, compound.name().length() - "Address".length());
        for (FieldDef part : def.compoundParts(compound)) {
            if (!part.name().startsWith(prefix)) {
                continue;
            }
            String key = part.name().substring(prefix.length());
            key = Character.toLowerCase(key.charAt(0)) + key.substring(1);
            Object value = ValueFormat.rest(store, part, table.get(row, part));
            any |= value != null;
            parts.put(key, value);
        }
        return any ? new LinkedHashMap<>(parts) : null;
    }

    List<String> csvRow(ObjectTable table, int row, List<FieldPath> paths) {
        List<String> cells = new ArrayList<>(paths.size());
        for (FieldPath path : paths) {
            // Bulk refuses compound fields up front; a REST result asked for CSV leaves them empty.
            cells.add(path.leafType().isCompound() ? "" : ValueFormat.csv(store, path.leaf(), path.read(table, row)));
        }
        return cells;
    }
}
