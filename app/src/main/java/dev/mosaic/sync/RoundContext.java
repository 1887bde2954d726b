package dev.mosaic.sync;

import dev.mosaic.connection.SalesforceConnection;
import dev.mosaic.sync.mapping.MappingContext;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * One round of one connection: whose it is, how to call its org, the fixed upper bound of every window it reads,
 * whether the app is stopping (a round hands its work back between chunks then), and which objects' changes were
 * streaming in when it began (what it changes of those, the stream missed).
 */
record RoundContext(SalesforceConnection connection, ApiCalls api, MappingContext mapping, Instant roundEnd,
                    BooleanSupplier stopping, Streamed streamed) {

    String tenantId() {
        return connection.tenantId();
    }

    UUID connectionId() {
        return connection.connectionId();
    }
}
