package dev.mosaic.salesforce.emulator.org.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The prior state of every cell, stamp and row a unit of work changed, so {@link RecordStore#atomically}
 * can put the tables back exactly as they were if the work fails. Used only under the store's write lock.
 */
final class UndoJournal {
    private final List<Runnable> undo = new ArrayList<>();

    void record(Runnable restore) {
        undo.add(restore);
    }

    /** Restores the prior states, newest first. */
    void rollBack() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
    }
}
