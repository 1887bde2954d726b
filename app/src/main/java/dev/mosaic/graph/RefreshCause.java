package dev.mosaic.graph;

import java.time.Instant;

/**
 * Why an entity's golden values are recomputed, which decides what its timeline records. A source's write,
 * a person's edit or new trusted sources change what the entity says, at a known time; a merge or an
 * unmerge only regroups records whose values were already on a timeline, so it records no field changes.
 */
record RefreshCause(boolean recordsChanges, Instant at, String reason) {

    static RefreshCause sourceWrite(Instant observedAt) {
        return new RefreshCause(true, observedAt, "source");
    }

    static RefreshCause edit(Instant at) {
        return new RefreshCause(true, at, "edit");
    }

    static RefreshCause trustedSourcesChanged(Instant at) {
        return new RefreshCause(true, at, "trusted sources changed");
    }

    /** A source's records were forgotten: what the others say shows now, as it was already on the timeline. */
    static RefreshCause recordsForgotten() {
        return new RefreshCause(false, null, "records forgotten");
    }

    static RefreshCause regrouping() {
        return new RefreshCause(false, null, "merge");
    }
}
