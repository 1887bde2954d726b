package dev.mosaic.connection;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A connected org as stored, without its secrets (they stay sealed in the database, see {@code SecretBox}).
 *
 * @param secretsSetAt when a person last gave the consumer secret and refresh token
 * @param statusDetail   why the status is what it is, in plain words with what to do; null when all is well
 * @param pubsubEndpoint the org's Pub/Sub API ({@code host:port}) when a person named one; null for the default
 */
public record SalesforceConnection(String tenantId, UUID connectionId, String orgId, URI instanceUrl, URI loginUrl,
                                   String clientId, Instant secretsSetAt, ConnectionStatus status, String statusDetail,
                                   Long apiUsed, Long apiMax, Duration syncInterval, Instant createdAt,
                                   Instant lastRoundAt, Instant lastSuccessAt, String pubsubEndpoint) {
}
