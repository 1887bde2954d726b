package dev.mosaic.salesforce.emulator.org.store;

import dev.mosaic.salesforce.emulator.org.schema.FieldDef;
import dev.mosaic.salesforce.emulator.org.schema.FieldType;
import dev.mosaic.salesforce.emulator.org.schema.ObjectDef;

/**
 * The records of one sObject, column by column. Rows are never removed: a delete is soft
 * ({@code IsDeleted}), as in the recycle bin, so a row number is a stable record identity.
 * Not synchronized itself; {@link RecordStore} guards it.
 */
public final class ObjectTable {
    /** Deleted records stay in the recycle bin this long, then are hard-deleted (gone even from queryAll). */
    public static final long RECYCLE_BIN_MILLIS = 15L * 86_400_000L;

    private final ObjectDef def;
    private final int code;
    private final Column[] columns;
    private final LongColumn deletedAt = new LongColumn();
    private final StampIndex stampIndex = new StampIndex();
    private final FieldDef isDeleted;
    private final FieldDef isArchived;
    private final FieldDef systemModstamp;
    private int size;
    /** Set while a {@link RecordStore#atomically} unit of work runs: every change records how to undo it. */
    private UndoJournal journal;
    /** Set while a unit of work runs and someone listens for changes: every change records the state before it. */
    private ChangeTracker tracker;

    ObjectTable(ObjectDef def, int code) {
        this.def = def;
        this.code = code;
        this.columns = new Column[def.columnCount()];
        for (FieldDef f : def.fields()) {
            if (f.column() >= 0) {
                columns[f.column()] = columnFor(f);
            }
        }
        FieldDef first = def.field("FirstName");
        FieldDef name = def.field("Name");
        if (first != null && name != null && !name.createable()) {
            columns[name.column()] = new FullNameColumn(columns[first.column()], columns[def.field("LastName").column()]);
        }
        FieldDef expected = def.field("ExpectedRevenue");
        if (expected != null) {
            columns[expected.column()] = new ExpectedRevenueColumn(columns[def.field("Amount").column()],
                    columns[def.field("Probability").column()]);
        }
        this.isDeleted = def.field("IsDeleted");
        this.isArchived = def.field("IsArchived");
        this.systemModstamp = def.field("SystemModstamp");
    }

    private Column columnFor(FieldDef f) {
        if (f.type() == FieldType.ID) {
            return new IdColumn(code);
        }
        return switch (f.storage()) {
            case REF -> new ReferenceColumn();
            case TEXT -> new TextColumn(f.type() == FieldType.PICKLIST || f.type() == FieldType.MULTIPICKLIST
                    || f.type() == FieldType.COMBOBOX || f.storage() != f.type().storage());
            case BOOLEAN -> new BooleanColumn();
            case LONG -> new LongColumn();
            case DOUBLE -> new DoubleColumn();
            case NONE -> throw new IllegalStateException("compound fields have no column: " + f);
        };
    }

    public ObjectDef def() {
        return def;
    }

    public int code() {
        return code;
    }

    public int size() {
        return size;
    }

    /** Appends an empty row (all nulls, booleans false) and returns its number. */
    public int addRow() {
        int row = size++;
        for (Column c : columns) {
            c.ensureCapacity(size);
        }
        deletedAt.ensureCapacity(size);
        if (journal != null) {
            // Undone after the row's cells (recorded later, undone earlier) are back to empty.
            journal.record(() -> size = row);
        }
        if (tracker != null) {
            tracker.added(this, row);
        }
        return row;
    }

    void journal(UndoJournal journal) {
        this.journal = journal;
    }

    void tracker(ChangeTracker tracker) {
        this.tracker = tracker;
    }

    public Object get(int row, FieldDef field) {
        return columns[field.column()].get(row);
    }

    public Column column(FieldDef field) {
        return columns[field.column()];
    }

    /**
     * Redefines a numeric formula field as its original formula times {@code factor} (1 restores it), without
     * touching any record: no stamp moves. Returns false when {@code field} is no formula that can be scaled.
     * Callers hold the store's write lock.
     */
    public boolean formulaFactor(FieldDef field, double factor) {
        if (field.column() < 0 || !(columns[field.column()] instanceof ExpectedRevenueColumn formula)) {
            return false;
        }
        formula.factor(factor);
        return true;
    }

    /** Writes a value without stamping; callers stamp through {@link #stamp}. */
    public void set(int row, FieldDef field, Object value) {
        Column column = columns[field.column()];
        if (journal != null) {
            Object before = column.get(row);
            journal.record(() -> column.set(row, before));
        }
        if (tracker != null) {
            tracker.beforeSet(this, row, field, column.get(row));
        }
        column.set(row, value);
    }

    /** Sets SystemModstamp and keeps the stamp index in step. */
    public void stamp(int row, long millis, boolean existing) {
        LongColumn stamps = (LongColumn) columns[systemModstamp.column()];
        if (journal != null) {
            long before = stamps.raw(row);
            journal.record(() -> {
                stamps.set(row, before == LongColumn.NULL ? null : before);
                if (before != LongColumn.NULL) {
                    // The index may have compacted the old entry away meanwhile.
                    stampIndex.add(before, row, true);
                }
            });
        }
        stamps.set(row, millis);
        stampIndex.add(millis, row, existing);
    }

    public long systemModstamp(int row) {
        return ((LongColumn) columns[systemModstamp.column()]).raw(row);
    }

    public boolean isDeleted(int row) {
        return isDeleted != null && ((BooleanColumn) columns[isDeleted.column()]).raw(row);
    }

    public boolean isArchived(int row) {
        return isArchived != null && ((BooleanColumn) columns[isArchived.column()]).raw(row);
    }

    public boolean hasRow(int row) {
        return row >= 0 && row < size;
    }

    /** Deleted longer ago than the recycle bin keeps records: invisible everywhere, as after a hard delete. */
    public boolean isPurged(int row, long nowMillis) {
        return isDeleted(row) && deletedAt.raw(row) < nowMillis - RECYCLE_BIN_MILLIS;
    }

    /** When the record went to the recycle bin (epoch millis), or {@link Long#MIN_VALUE}. */
    public long deletedAt(int row) {
        return deletedAt.raw(row);
    }

    public void markDeleted(int row, long millis) {
        set(row, isDeleted, Boolean.TRUE);
        if (journal != null) {
            long before = deletedAt.raw(row);
            journal.record(() -> deletedAt.set(row, before == LongColumn.NULL ? null : before));
        }
        deletedAt.set(row, millis);
    }

    /** Takes a record back out of the recycle bin. */
    public void markUndeleted(int row) {
        set(row, isDeleted, Boolean.FALSE);
        if (journal != null) {
            long before = deletedAt.raw(row);
            journal.record(() -> deletedAt.set(row, before == LongColumn.NULL ? null : before));
        }
        deletedAt.set(row, null);
    }

    /** Visits rows with {@code from <= SystemModstamp < to} in (SystemModstamp, Id) order. */
    public void scanByStamp(long from, long to, RowVisitor visitor) {
        stampIndex.scan(from, to, (LongColumn) columns[systemModstamp.column()], visitor);
    }

    @Override
    public String toString() {
        return def.name() + "[" + size + " rows]";
    }
}
