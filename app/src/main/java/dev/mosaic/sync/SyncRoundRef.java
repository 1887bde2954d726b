package dev.mosaic.sync;

import java.util.UUID;

/** The data of a connection's scheduled round: which connection. */
public record SyncRoundRef(String tenantId, UUID connectionId) {
}
