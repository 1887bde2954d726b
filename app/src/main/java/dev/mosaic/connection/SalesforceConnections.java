package dev.mosaic.connection;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.platform.crypto.SecretBox;
import dev.mosaic.platform.errors.ConflictException;
import dev.mosaic.platform.errors.InvalidInputException;
import dev.mosaic.platform.errors.NotFoundException;
import dev.mosaic.platform.ids.TimeOrderedIds;
import dev.mosaic.platform.json.Json;
import dev.mosaic.salesforce.client.ApiUsage;
import dev.mosaic.salesforce.client.RefreshTokenCredentials;
import dev.mosaic.salesforce.client.SalesforceClient;
import dev.mosaic.salesforce.client.SalesforceException;
import dev.mosaic.salesforce.client.Session;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Salesforce orgs a tenant has connected: connecting checks the credentials with a real login first, and
 * stores the consumer secret and refresh token sealed ({@link SecretBox}), never to be shown again. Hands the
 * sync a logged-in client per connection, kept between rounds so sessions are reused.
 */
@Service
public class SalesforceConnections {

    private static final Logger log = LoggerFactory.getLogger(SalesforceConnections.class);

    private final ConnectionStore store;
    private final LoginHosts loginHosts;
    private final SecretBox secrets;
    private final SalesforceSettings settings;
    private final ApplicationEventPublisher events;
    private final SalesforceOrgs orgs;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Map<UUID, CachedClient> clients = new ConcurrentHashMap<>();

    SalesforceConnections(ConnectionStore store, LoginHosts loginHosts, SecretBox secrets, SalesforceSettings settings,
                          ApplicationEventPublisher events, SalesforceOrgs orgs, TransactionTemplate transaction,
                          Clock clock) {
        this.orgs = orgs;
        this.store = store;
        this.loginHosts = loginHosts;
        this.secrets = secrets;
        this.settings = settings;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Checks the credentials by logging in, then stores the new connection. */
    public SalesforceConnection connect(String tenantId, ConnectionRequest request) {
        Checked checked = check(request);
        store.findByOrg(tenantId, checked.session.orgId()).ifPresent(existing -> {
            throw new ConflictException("Org " + existing.orgId() + " is already connected (connection "
                    + existing.connectionId() + "); to change its credentials, reconnect it with PUT "
                    + "/api/v1/connections/salesforce/" + existing.connectionId());
        });
        if (store.purging(tenantId, checked.session.orgId())) {
            throw new ConflictException("The records of org " + checked.session.orgId() + " are being purged; connect it "
                    + "again once that is done (GET /api/v1/connections/salesforce/orgs shows how far it is)");
        }
        Instant now = clock.instant();
        UUID id = TimeOrderedIds.next();
        SalesforceConnection connection = new SalesforceConnection(tenantId, id, checked.session.orgId(),
                checked.instanceUrl, checked.loginUrl, request.clientId().trim(), now, ConnectionStatus.CONNECTED, null,
                checked.usage.map(ApiUsage::used).orElse(null), checked.usage.map(ApiUsage::max).orElse(null),
                settings.syncInterval(), now, null, null, checked.pubsubEndpoint);
        byte[] sealed = seal(tenantId, id, request.clientSecret().trim(), checked.refreshToken().get());
        transaction.executeWithoutResult(status -> {
            store.insert(connection, sealed);
            store.rememberOrg(tenantId, connection.orgId(), now);
            events.publishEvent(new ConnectionChanged(tenantId, id, ConnectionChanged.Change.CONNECTED));
        });
        // The checking client hands rotated tokens to the check only; the sync builds one that stores them.
        clients.remove(id);
        log.info("Tenant {} connected Salesforce org {} at {} (connection {})", tenantId, connection.orgId(),
                connection.instanceUrl(), id);
        return connection;
    }

    /** New credentials for a connected org (a revoked token, a rotated secret); they must log in to the same org. */
    public SalesforceConnection reconnect(String tenantId, UUID connectionId, ConnectionRequest request) {
        SalesforceConnection existing = get(tenantId, connectionId);
        Checked checked = check(request);
        if (!checked.session.orgId().equals(existing.orgId())) {
            throw new InvalidInputException("These credentials log in to org " + checked.session.orgId()
                    + ", but this connection is org " + existing.orgId() + "; connect that org as a new connection");
        }
        Instant now = clock.instant();
        byte[] sealed = seal(tenantId, connectionId, request.clientSecret().trim(), checked.refreshToken().get());
        transaction.executeWithoutResult(status -> {
            store.replaceCredentials(tenantId, connectionId, checked.instanceUrl, checked.loginUrl,
                    request.clientId().trim(), sealed, now, checked.pubsubEndpoint);
            events.publishEvent(new ConnectionChanged(tenantId, connectionId, ConnectionChanged.Change.RECONNECTED));
        });
        clients.remove(connectionId);
        log.info("Tenant {} reconnected Salesforce org {} (connection {})", tenantId, existing.orgId(), connectionId);
        return get(tenantId, connectionId);
    }

    public List<SalesforceConnection> list(String tenantId) {
        return store.all(tenantId);
    }

    public SalesforceConnection get(String tenantId, UUID connectionId) {
        return find(tenantId, connectionId).orElseThrow(() -> new NotFoundException(
                "No Salesforce connection " + connectionId + " in this workspace"));
    }

    public Optional<SalesforceConnection> find(String tenantId, UUID connectionId) {
        return store.find(tenantId, connectionId);
    }

    /**
     * Within a transaction: keeps the connection from being disconnected until the transaction ends, so what it writes
     * for the connection cannot land after a disconnect (and its purge); false when it is disconnected already.
     */
    public boolean holdConnected(String tenantId, UUID connectionId) {
        return store.lockAgainstDelete(tenantId, connectionId);
    }

    /**
     * Revokes the refresh token at Salesforce and forgets the connection. A token Salesforce no longer accepts
     * (already revoked) does not stop the disconnect; the answer says whether revoking worked. The org's records
     * stay in the graph, unless {@code purgeBy} names who asked for them to be purged.
     */
    public Disconnection disconnect(String tenantId, UUID connectionId, String purgeBy) {
        SalesforceConnection connection = get(tenantId, connectionId);
        boolean revoked;
        try {
            client(connection).revokeRefreshToken();
            revoked = true;
        } catch (SalesforceException e) {
            log.warn("Disconnecting org {} of tenant {}: revoking its refresh token failed ({}); forgetting it anyway",
                    connection.orgId(), tenantId, e.getMessage());
            revoked = false;
        }
        transaction.executeWithoutResult(status -> {
            store.delete(tenantId, connectionId);
            events.publishEvent(new ConnectionChanged(tenantId, connectionId, ConnectionChanged.Change.DISCONNECTED));
            if (purgeBy != null) {
                orgs.requestPurge(tenantId, connection.orgId(), connectionId, purgeBy);
            }
        });
        clients.remove(connectionId);
        log.info("Tenant {} disconnected Salesforce org {} (connection {}); its records are {}", tenantId, connection.orgId(),
                connectionId, purgeBy == null ? "kept" : "being purged");
        return new Disconnection(connection.orgId(), revoked);
    }

    /**
     * A logged-in client for the connection; refresh tokens Salesforce rotates are stored as they come. A client is
     * kept between rounds while the stored secrets are the ones it was made from: when another app instance has
     * rotated the token meanwhile, or a person reconnected, a new client is made from what is stored now, instead
     * of one logging in with a token Salesforce has retired.
     *
     * @throws SecretsUnreadableException when the stored secrets do not open with this instance's key
     */
    public SalesforceClient client(SalesforceConnection connection) {
        byte[] sealed = store.sealedSecrets(connection.tenantId(), connection.connectionId())
                .orElseThrow(() -> new NotFoundException("Connection " + connection.connectionId() + " is gone"));
        CachedClient cached = clients.get(connection.connectionId());
        if (cached != null && Arrays.equals(cached.sealed().get(), sealed)) {
            return cached.client();
        }
        JsonNode opened;
        try {
            opened = Json.read(secrets.open(sealed, context(connection.tenantId(), connection.connectionId())));
        } catch (IllegalStateException e) {
            throw new SecretsUnreadableException(e.getMessage());
        }
        String clientSecret = opened.path("clientSecret").asText();
        RefreshTokenCredentials credentials = new RefreshTokenCredentials(connection.loginUrl(), connection.clientId(),
                clientSecret, opened.path("refreshToken").asText());
        AtomicReference<byte[]> current = new AtomicReference<>(sealed);
        SalesforceClient client = SalesforceClient.create(credentials, settings.apiVersion(), rotated -> {
            byte[] resealed = seal(connection.tenantId(), connection.connectionId(), clientSecret, rotated);
            store.replaceSealedSecrets(connection.tenantId(), connection.connectionId(), resealed);
            current.set(resealed);
        });
        clients.put(connection.connectionId(), new CachedClient(current, client));
        return client;
    }

    public void status(String tenantId, UUID connectionId, ConnectionStatus status, String detail) {
        store.status(tenantId, connectionId, status, detail);
    }

    public void roundEnded(String tenantId, UUID connectionId, boolean succeeded, Optional<ApiUsage> usage) {
        store.roundEnded(tenantId, connectionId, clock.instant(), succeeded, usage.map(ApiUsage::used).orElse(null),
                usage.map(ApiUsage::max).orElse(null));
    }

    private Checked check(ConnectionRequest request) {
        if (request == null) {
            throw new InvalidInputException("Send {\"loginUrl\",\"clientId\",\"clientSecret\",\"refreshToken\"}");
        }
        URI loginUrl = loginHosts.loginUrl(request.loginUrl());
        String pubsubEndpoint = loginHosts.pubsubEndpoint(request.pubsubEndpoint());
        ConnectionCheck.requireValue(request.clientId(), "clientId", "the Connected App's Consumer Key");
        ConnectionCheck.requireValue(request.clientSecret(), "clientSecret", "the Connected App's Consumer Secret");
        ConnectionCheck.requireValue(request.refreshToken(), "refreshToken", "the refresh_token the guide's last step returns");
        AtomicReference<String> refreshToken = new AtomicReference<>(request.refreshToken().trim());
        SalesforceClient client = SalesforceClient.create(new RefreshTokenCredentials(loginUrl, request.clientId().trim(),
                request.clientSecret().trim(), refreshToken.get()), settings.apiVersion(), refreshToken::set);
        Session session;
        try {
            session = client.session();
        } catch (SalesforceException e) {
            throw ConnectionCheck.loginFailed(loginUrl, e);
        }
        URI instanceUrl = loginHosts.instanceUrl(session.instanceUrl().toString());
        if (session.orgId().isBlank()) {
            throw new InvalidInputException("Logging in to " + loginUrl + " worked, but the answer named no org");
        }
        try {
            client.limits();
        } catch (SalesforceException e) {
            throw ConnectionCheck.apiFailed(e);
        }
        return new Checked(loginUrl, instanceUrl, session, client.lastUsage(), refreshToken, pubsubEndpoint);
    }

    /**
     * @param refreshToken   the newest refresh token: the one given, or the one Salesforce rotated it to while checking
     * @param pubsubEndpoint the Pub/Sub API endpoint given, checked; null when none was
     */
    private record Checked(URI loginUrl, URI instanceUrl, Session session, Optional<ApiUsage> usage,
                           AtomicReference<String> refreshToken, String pubsubEndpoint) {
    }

    private byte[] seal(String tenantId, UUID connectionId, String clientSecret, String refreshToken) {
        return secrets.seal(Json.write(Map.of("clientSecret", clientSecret, "refreshToken", refreshToken)),
                context(tenantId, connectionId));
    }

    private static String context(String tenantId, UUID connectionId) {
        return "salesforce_connection/" + tenantId + "/" + connectionId;
    }

    /** @param sealed the stored secrets the client holds the newest of */
    private record CachedClient(AtomicReference<byte[]> sealed, SalesforceClient client) {
    }
}
