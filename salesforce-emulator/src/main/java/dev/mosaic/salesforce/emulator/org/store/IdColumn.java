package dev.mosaic.salesforce.emulator.org.store;

/** The Id field: derived from the row, so it costs nothing to store. */
final class IdColumn extends Column {
    private final int objectCode;

    IdColumn(int objectCode) {
        this.objectCode = objectCode;
    }

    @Override
    public Object get(int row) {
        return RecordStore.key(objectCode, row);
    }

    @Override
    public void set(int row, Object value) {
        // Ids are assigned by position; nothing to store.
    }

    @Override
    void ensureCapacity(int rows) {
    }
}
