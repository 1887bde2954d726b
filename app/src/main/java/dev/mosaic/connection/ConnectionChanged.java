package dev.mosaic.connection;

import java.util.UUID;

/**
 * Published inside the transaction that connects, reconnects or disconnects an org, so what listens (the sync's
 * schedule and state) commits with it or not at all.
 */
public record ConnectionChanged(String tenantId, UUID connectionId, Change change) {

    public enum Change { CONNECTED, RECONNECTED, DISCONNECTED }
}
