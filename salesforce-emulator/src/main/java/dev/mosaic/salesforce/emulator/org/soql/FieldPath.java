package dev.mosaic.salesforce.emulator.org.soql;

import dev.mosaic.salesforce.emulator.org.schema.FieldDef;
import dev.mosaic.salesforce.emulator.org.schema.FieldType;
import dev.mosaic.salesforce.emulator.org.schema.StandardSchema;
import dev.mosaic.salesforce.emulator.org.store.ObjectTable;
import dev.mosaic.salesforce.emulator.org.store.RecordStore;

import java.util.List;

/**
 * A field reached from the queried object through zero or more lookups ({@code Account.Owner.Email}),
 * checked against the schema and the user's field-level security. Polymorphic lookups
 * ({@code Who}, {@code What}) resolve the next field by name on whichever object the row points to.
 */
final class FieldPath {
    private final String canonical;
    private final List<String> relationshipNames;
    /** Per level (0 = queried object): the field read at that level, indexed by object code. */
    private final FieldDef[][] fieldsByLevel;
    private final FieldDef leafExample;
    private final RecordStore store;

    FieldPath(String canonical, List<String> relationshipNames, FieldDef[][] fieldsByLevel, FieldDef leafExample,
              RecordStore store) {
        this.canonical = canonical;
        this.relationshipNames = relationshipNames;
        this.fieldsByLevel = fieldsByLevel;
        this.leafExample = leafExample;
        this.store = store;
    }

    /** The path as Salesforce spells it, e.g. {@code Account.Name}: the CSV header and JSON keys. */
    String canonical() {
        return canonical;
    }

    List<String> relationshipNames() {
        return relationshipNames;
    }

    int hops() {
        return relationshipNames.size();
    }

    /** The leaf field (on the first possible object when the path is polymorphic). */
    FieldDef leaf() {
        return leafExample;
    }

    FieldType leafType() {
        return leafExample.type();
    }

    /** The key of the record at {@code level} (0 = the row itself), or NO_KEY when a lookup on the way is empty. */
    long keyAt(ObjectTable root, int row, int level) {
        long key = RecordStore.key(root.code(), row);
        for (int i = 0; i < level; i++) {
            ObjectTable t = store.tableOf(key);
            FieldDef hop = fieldsByLevel[i][t.code()];
            if (hop == null) {
                return RecordStore.NO_KEY;
            }
            Object next = t.get(RecordStore.rowOf(key), hop);
            if (next == null) {
                return RecordStore.NO_KEY;
            }
            key = (Long) next;
            if (!store.exists(key)) {
                return RecordStore.NO_KEY;
            }
        }
        return key;
    }

    /** True for {@code What.Type}: the value is the name of the object the lookup points at. */
    boolean isObjectType() {
        return leafExample == StandardSchema.OBJECT_TYPE;
    }

    /** The canonical value at the end of the path, or null. */
    Object read(ObjectTable root, int row) {
        if (isObjectType()) {
            long key = keyAt(root, row, hops());
            return key == RecordStore.NO_KEY ? null : store.tableOf(key).def().name();
        }
        if (hops() == 0) {
            return root.get(row, leafExample);
        }
        long key = keyAt(root, row, hops());
        if (key == RecordStore.NO_KEY) {
            return null;
        }
        ObjectTable t = store.tableOf(key);
        FieldDef leaf = fieldsByLevel[hops()][t.code()];
        return leaf == null ? null : t.get(RecordStore.rowOf(key), leaf);
    }

    /** The leaf definition on a particular object, for formatting polymorphic paths. */
    FieldDef leafOn(ObjectTable table) {
        return fieldsByLevel[hops()][table.code()];
    }

    @Override
    public String toString() {
        return canonical;
    }
}
