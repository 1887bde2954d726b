package dev.mosaic.salesforce.emulator.org.store;

import java.util.BitSet;

/** Checkbox values; Salesforce booleans are never null. */
final class BooleanColumn extends Column {
    private final BitSet values = new BitSet();

    @Override
    public Object get(int row) {
        return values.get(row);
    }

    boolean raw(int row) {
        return values.get(row);
    }

    @Override
    public void set(int row, Object value) {
        values.set(row, value != null && (Boolean) value);
    }

    @Override
    void ensureCapacity(int rows) {
        // BitSet grows on demand.
    }
}
