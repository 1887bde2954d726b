package dev.mosaic.salesforce.emulator.org.generate;

import dev.mosaic.salesforce.emulator.org.schema.FieldDef;
import dev.mosaic.salesforce.emulator.org.store.ObjectTable;
import dev.mosaic.salesforce.emulator.org.store.RecordStore;

import java.util.HashMap;
import java.util.Map;

/** Raw row writes for the generator: no validation, explicit audit stamps. Caller holds the write lock. */
final class TableWriter {
    final ObjectTable table;
    private final Map<String, FieldDef> fields = new HashMap<>();

    TableWriter(ObjectTable table) {
        this.table = table;
        for (FieldDef f : table.def().fields()) {
            fields.put(f.name(), f);
        }
    }

    int newRow() {
        return table.addRow();
    }

    long key(int row) {
        return RecordStore.key(table.code(), row);
    }

    void set(int row, String field, Object value) {
        FieldDef f = fields.get(field);
        if (f == null) {
            throw new IllegalArgumentException(table.def().name() + " has no field " + field);
        }
        table.set(row, f, value);
    }

    Object get(int row, String field) {
        return table.get(row, fields.get(field));
    }

    boolean has(String field) {
        return fields.containsKey(field);
    }

    /** CreatedDate/LastModifiedDate/SystemModstamp and the users behind them. */
    void audit(int row, long created, long modified, long modstamp, long createdBy, long modifiedBy) {
        set(row, "CreatedDate", created);
        set(row, "CreatedById", createdBy);
        set(row, "LastModifiedDate", modified);
        set(row, "LastModifiedById", modifiedBy);
        table.stamp(row, modstamp, false);
    }
}
