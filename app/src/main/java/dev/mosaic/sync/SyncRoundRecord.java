package dev.mosaic.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * One round of a connection as it went.
 *
 * @param instance the app instance that ran it (db-scheduler's name for it)
 * @param outcome  {@code DONE}, {@code STOPPED}, {@code FAILED}, {@code NEEDS_RECONNECT} or {@code BUDGET_SPENT};
 *                 null while it runs (or when its instance died during it)
 */
public record SyncRoundRecord(UUID roundId, String instance, Instant startedAt, Instant endedAt, String outcome,
                              String detail) {
}
