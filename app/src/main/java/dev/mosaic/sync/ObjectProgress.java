package dev.mosaic.sync;

import java.time.Instant;

/**
 * How far the sync of one object of a connection has come, as the API and Settings show it.
 *
 * @param recordsTotal    how many records the object holds, when known (counted at the start of the initial load)
 * @param recordsPerSecond records written per second of sync work, over the object's whole sync
 */
public record ObjectProgress(String name, SyncPhase phase, long recordsSynced, Long recordsTotal, long recordsPerSecond,
                             Instant lastSuccessAt, String lastError, Instant lastErrorAt) {
}
