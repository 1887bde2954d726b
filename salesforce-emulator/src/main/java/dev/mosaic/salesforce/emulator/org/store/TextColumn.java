package dev.mosaic.salesforce.emulator.org.store;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/** Text values; picklist-like columns share one String instance per distinct value. */
final class TextColumn extends Column {
    private final boolean shareValues;
    private final ConcurrentHashMap<String, String> shared;
    private String[] values = new String[0];

    TextColumn(boolean shareValues) {
        this.shareValues = shareValues;
        this.shared = shareValues ? new ConcurrentHashMap<>() : null;
    }

    @Override
    public Object get(int row) {
        return values[row];
    }

    @Override
    public void set(int row, Object value) {
        String s = (String) value;
        if (s != null && shareValues) {
            String prior = shared.putIfAbsent(s, s);
            s = prior == null ? s : prior;
        }
        values[row] = s;
    }

    @Override
    void ensureCapacity(int rows) {
        if (values.length < rows) {
            values = Arrays.copyOf(values, grow(values.length, rows));
        }
    }
}
