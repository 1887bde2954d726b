package dev.mosaic.salesforce.emulator.org.store;

import java.util.Arrays;

/** int, date (epoch day) and datetime (epoch millis) values; {@link Long#MIN_VALUE} marks null. */
final class LongColumn extends Column {
    static final long NULL = Long.MIN_VALUE;
    private long[] values = new long[0];

    @Override
    public Object get(int row) {
        long v = values[row];
        return v == NULL ? null : v;
    }

    long raw(int row) {
        return values[row];
    }

    @Override
    public void set(int row, Object value) {
        values[row] = value == null ? NULL : ((Number) value).longValue();
    }

    @Override
    void ensureCapacity(int rows) {
        if (values.length < rows) {
            int old = values.length;
            values = Arrays.copyOf(values, grow(old, rows));
            Arrays.fill(values, old, values.length, NULL);
        }
    }
}
