package dev.mosaic.sync;

import java.time.Instant;

/**
 * Where a connection's change stream stands, as the API and Settings show it.
 *
 * @param state       {@code CONNECTING}, {@code LIVE}, {@code WAITING} (to try again at {@code retryAt}) or {@code OFF}
 *                    (the org publishes no change events for Mosaic's objects)
 * @param detail      why it waits or is off; null when live
 * @param events      change events applied since the stream began
 * @param lastEventAt when the newest of them was applied; null before the first
 */
public record ChangeStreamStatus(String state, String detail, Instant retryAt, long events, Instant lastEventAt) {
}
