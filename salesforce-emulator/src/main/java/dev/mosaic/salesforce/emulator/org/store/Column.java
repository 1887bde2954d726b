package dev.mosaic.salesforce.emulator.org.store;

/**
 * One field's values for every row of an object, in a primitive or shared-string array rather than
 * per-record maps, so a million records fit in a small heap.
 *
 * <p>Values cross this boundary in a canonical form: {@code String} for text, {@code Long} for
 * int/date (epoch day)/datetime (epoch millis), {@code Double} for numbers, {@code Boolean}, and
 * {@code Long} record keys (see {@link RecordStore#key}) for ids and references; null when empty.
 */
public abstract class Column {
    public abstract Object get(int row);

    public abstract void set(int row, Object value);

    /** Grows the backing array to hold at least {@code rows} rows. */
    abstract void ensureCapacity(int rows);

    public boolean isNull(int row) {
        return get(row) == null;
    }

    static int grow(int current, int needed) {
        int next = Math.max(16, current);
        while (next < needed) {
            next = next + (next >> 1) + 1;
        }
        return next;
    }
}
