package dev.mosaic.sync;

import java.time.Instant;

/**
 * How far the sync of one object of a connection has come, as the API and Settings show it.
 *
 * @param recordsTotal    how many records the object holds, when known (counted at the start of the initial load)
 * @param recordsPerSecond records written per second of sync work, over the object's whole sync
 * @param repairedBySafetyNet records polling rounds found changed while the object's changes streamed in: changes the
 *                        stream missed
 * @param streaming        whether its changes stream in as they happen (Change Data Capture); else polling rounds
 *                         alone bring them
 * @param lagSeconds       how far behind Salesforce the graph may be for it: streaming, from the newest applied
 *                         change's commit to its write; polling, since its last successful round; null when unknown
 */
public record ObjectProgress(String name, SyncPhase phase, long recordsSynced, Long recordsTotal, long recordsPerSecond,
                             Instant lastSuccessAt, String lastError, Instant lastErrorAt, long repairedBySafetyNet,
                             boolean streaming, Double lagSeconds) {

    /** How its changes arrive: {@code STREAMING} or {@code POLLING}. */
    public String mode() {
        return streaming ? "STREAMING" : "POLLING";
    }

    ObjectProgress withDelivery(boolean streams, Double lag) {
        return new ObjectProgress(name, phase, recordsSynced, recordsTotal, recordsPerSecond, lastSuccessAt, lastError,
                lastErrorAt, repairedBySafetyNet, streams, lag);
    }
}
