package dev.mosaic.salesforce.emulator.org.store;

/** A person's {@code Name}: "FirstName LastName", derived on read like Salesforce's read-only Name. */
final class FullNameColumn extends Column {
    private final Column first;
    private final Column last;

    FullNameColumn(Column first, Column last) {
        this.first = first;
        this.last = last;
    }

    @Override
    public Object get(int row) {
        String f = (String) first.get(row);
        String l = (String) last.get(row);
        if (f == null || f.isEmpty()) {
            return l;
        }
        return l == null ? f : f + " " + l;
    }

    @Override
    public void set(int row, Object value) {
        // Derived; Salesforce does not let clients write Name on people.
    }

    @Override
    void ensureCapacity(int rows) {
    }
}
