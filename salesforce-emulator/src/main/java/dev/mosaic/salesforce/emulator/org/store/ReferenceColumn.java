package dev.mosaic.salesforce.emulator.org.store;

import java.util.Arrays;

/** Lookup values as record keys (object code and row), so a reference costs 8 bytes, not an id string. */
final class ReferenceColumn extends Column {
    private long[] values = new long[0];

    @Override
    public Object get(int row) {
        long v = values[row];
        return v == RecordStore.NO_KEY ? null : v;
    }

    long raw(int row) {
        return values[row];
    }

    @Override
    public void set(int row, Object value) {
        values[row] = value == null ? RecordStore.NO_KEY : (Long) value;
    }

    @Override
    void ensureCapacity(int rows) {
        if (values.length < rows) {
            int old = values.length;
            values = Arrays.copyOf(values, grow(old, rows));
            Arrays.fill(values, old, values.length, RecordStore.NO_KEY);
        }
    }
}
