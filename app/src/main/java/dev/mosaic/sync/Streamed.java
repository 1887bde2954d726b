package dev.mosaic.sync;

import java.time.Instant;
import java.util.Set;

/**
 * What a connection's change stream carried as a round began: the loaded objects whose changes it streams, and the
 * moment up to which it had delivered every change (its newest batch's commit, or its last keepalive). A round that
 * finds one of those objects' records changed before that moment repairs what the stream missed; a later change may
 * still be on its way.
 */
record Streamed(Set<SyncedObject> objects, Instant deliveredUntil) {

    static final Streamed NOTHING = new Streamed(Set.of(), Instant.EPOCH);

    boolean carries(SyncedObject object) {
        return objects.contains(object);
    }

    /** Whether the stream should have brought a change Salesforce stamped at {@code stamp} (unknown: yes). */
    boolean shouldHaveBrought(Instant stamp) {
        return stamp == null || stamp.isBefore(deliveredUntil);
    }
}
