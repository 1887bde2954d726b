package dev.mosaic.salesforce.emulator.org.store;

import java.util.Arrays;

/** double, currency and percent values; NaN marks null. */
final class DoubleColumn extends Column {
    private double[] values = new double[0];

    @Override
    public Object get(int row) {
        double v = values[row];
        return Double.isNaN(v) ? null : v;
    }

    @Override
    public void set(int row, Object value) {
        values[row] = value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    @Override
    void ensureCapacity(int rows) {
        if (values.length < rows) {
            int old = values.length;
            values = Arrays.copyOf(values, grow(old, rows));
            Arrays.fill(values, old, values.length, Double.NaN);
        }
    }
}
