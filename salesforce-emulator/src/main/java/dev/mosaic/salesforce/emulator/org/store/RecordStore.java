package dev.mosaic.salesforce.emulator.org.store;

import dev.mosaic.salesforce.emulator.org.schema.ObjectDef;
import dev.mosaic.salesforce.emulator.org.schema.StandardSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * All records of one org, one {@link ObjectTable} per sObject, behind a single read-write lock:
 * queries and formatting share the read lock, writes take the write lock.
 *
 * <p>A record is addressed internally by a {@code long} key: object code in the high half, row in
 * the low half. Keys convert to and from Salesforce ids without any lookup table.
 */
public final class RecordStore {
    public static final long NO_KEY = -1L;

    private final StandardSchema schema;
    private final List<ObjectTable> byCode = new ArrayList<>();
    private final Map<ObjectDef, ObjectTable> byDef = new LinkedHashMap<>();
    private final Map<String, ObjectTable> byPrefix = new LinkedHashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** The journal of the running {@link #atomically} unit of work, or null; guarded by the write lock. */
    private UndoJournal journal;
    /** Told what each unit of work changed, as it ends (still under the write lock); or null. */
    private volatile Consumer<List<RowChange>> changeListener;
    /** What the running unit of work changes, while someone listens; guarded by the write lock. */
    private ChangeTracker tracker;

    public RecordStore(StandardSchema schema) {
        this.schema = schema;
        for (ObjectDef def : schema.objects()) {
            ObjectTable table = new ObjectTable(def, byCode.size());
            byCode.add(table);
            byDef.put(def, table);
            byPrefix.put(def.keyPrefix(), table);
        }
    }

    public StandardSchema schema() {
        return schema;
    }

    public static long key(int objectCode, int row) {
        return ((long) objectCode << 32) | (row & 0xFFFFFFFFL);
    }

    public static int codeOf(long key) {
        return (int) (key >>> 32);
    }

    public static int rowOf(long key) {
        return (int) key;
    }

    public ObjectTable table(ObjectDef def) {
        return byDef.get(def);
    }

    public ObjectTable table(int code) {
        return byCode.get(code);
    }

    public ObjectTable tableOf(long key) {
        return byCode.get(codeOf(key));
    }

    public List<ObjectTable> tables() {
        return byCode;
    }

    /** The 18-character id for a record key. */
    public String idOf(long key) {
        ObjectTable t = byCode.get(codeOf(key));
        return SalesforceIds.id18(t.def().keyPrefix(), rowOf(key));
    }

    public String idOf(ObjectTable table, int row) {
        return SalesforceIds.id18(table.def().keyPrefix(), row);
    }

    /**
     * The key an id names, whether or not the record exists ({@link #exists} tells), or
     * {@link #NO_KEY} when the id is not id-shaped or names an object this org does not model.
     */
    public long keyOf(String id) {
        String prefix = SalesforceIds.prefixOf(id);
        if (prefix == null) {
            return NO_KEY;
        }
        ObjectTable t = byPrefix.get(prefix);
        if (t == null) {
            return NO_KEY;
        }
        int row = SalesforceIds.row(prefix, id);
        return row < 0 ? NO_KEY : key(t.code(), row);
    }

    public boolean exists(long key) {
        return key != NO_KEY && codeOf(key) >= 0 && codeOf(key) < byCode.size() && tableOf(key).hasRow(rowOf(key));
    }

    public <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Runs {@code action} under the write lock. The outermost such call is one unit of work: when it ends, the change
     * listener hears what it changed (nothing, if it was rolled back).
     */
    public <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        boolean unit = lock.getWriteHoldCount() == 1 && changeListener != null;
        if (unit) {
            setTracker(new ChangeTracker());
        }
        try {
            return action.get();
        } finally {
            if (unit) {
                List<RowChange> changes = tracker.changes();
                setTracker(null);
                if (!changes.isEmpty()) {
                    changeListener.accept(changes);
                }
            }
            lock.writeLock().unlock();
        }
    }

    /** Who hears, at the end of each unit of work, the records it made, changed or deleted (null: nobody). */
    public void onChanges(Consumer<List<RowChange>> listener) {
        this.changeListener = listener;
    }

    private void setTracker(ChangeTracker tracker) {
        this.tracker = tracker;
        for (ObjectTable t : byCode) {
            t.tracker(tracker);
        }
    }

    /**
     * Runs {@code action} under the write lock as one unit: if it throws, every row, cell and stamp it
     * changed is put back, so nothing of it remains (no deleted rows, no feed entries, no counts). Other
     * threads never see it half done, because readers wait for the write lock. Nested calls join the
     * outer unit.
     */
    public <T> T atomically(Supplier<T> action) {
        return write(() -> {
            if (journal != null) {
                return action.get();
            }
            UndoJournal started = new UndoJournal();
            setJournal(started);
            try {
                return action.get();
            } catch (Throwable e) {
                // Everything, even a checked exception thrown sneakily, undoes the work.
                started.rollBack();
                throw e;
            } finally {
                setJournal(null);
            }
        });
    }

    private void setJournal(UndoJournal journal) {
        this.journal = journal;
        for (ObjectTable t : byCode) {
            t.journal(journal);
        }
    }
}
