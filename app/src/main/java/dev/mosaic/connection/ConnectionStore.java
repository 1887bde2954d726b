package dev.mosaic.connection;

import static dev.mosaic.platform.database.SqlTimes.instant;
import static dev.mosaic.platform.database.SqlTimes.utc;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

/** SQL for {@code salesforce_connection}. */
@Component
class ConnectionStore {

    private static final String CONNECTION = "select tenant_id, connection_id, org_id, instance_url, login_url, client_id, "
            + "secrets_set_at, status, status_detail, api_used, api_max, sync_interval_secs, created_at, last_round_at, "
            + "last_success_at, pubsub_endpoint from salesforce_connection ";

    private final DSLContext db;

    ConnectionStore(DSLContext db) {
        this.db = db;
    }

    void insert(SalesforceConnection c, byte[] sealedSecrets) {
        db.execute("insert into salesforce_connection (tenant_id, connection_id, org_id, instance_url, login_url, client_id, "
                        + "sealed_secrets, secrets_set_at, status, status_detail, api_used, api_max, sync_interval_secs, created_at, "
                        + "pubsub_endpoint) values (?, ?, ?, ?, ?, ?, ?, ?::timestamptz, ?, ?, ?, ?, ?, ?::timestamptz, ?)",
                c.tenantId(), c.connectionId(), c.orgId(), c.instanceUrl().toString(), c.loginUrl().toString(), c.clientId(),
                sealedSecrets, utc(c.secretsSetAt()), c.status().name(), c.statusDetail(), c.apiUsed(), c.apiMax(),
                (int) c.syncInterval().toSeconds(), utc(c.createdAt()), c.pubsubEndpoint());
    }

    /**
     * Remembers the org for good: its records are found by their ids even after a disconnect. An org connected again
     * after its records were purged starts afresh.
     */
    void rememberOrg(String tenantId, String orgId, Instant at) {
        db.execute("insert into salesforce_org (tenant_id, org_id, first_connected_at) values (?, ?, ?::timestamptz) "
                + "on conflict (tenant_id, org_id) do update set purge_requested_at = null, purge_requested_by = null, "
                + "records_purged = 0, purged_at = null", tenantId, orgId, utc(at));
    }

    /** The orgs whose records the graph holds (or may hold): every org connected and not purged since. */
    List<String> knownOrgs(String tenantId) {
        return db.fetch("select org_id from salesforce_org where tenant_id = ? and purge_requested_at is null "
                + "order by first_connected_at, org_id", tenantId).map(row -> row.get(0, String.class));
    }

    List<SalesforceOrg> orgs(String tenantId) {
        return db.fetch("""
                        select o.org_id, o.first_connected_at, c.connection_id, o.purge_requested_at, o.purge_requested_by,
                            o.records_purged, o.purged_at
                        from salesforce_org o left join salesforce_connection c on c.tenant_id = o.tenant_id and c.org_id = o.org_id
                        where o.tenant_id = ? order by o.first_connected_at, o.org_id""", tenantId)
                .map(row -> new SalesforceOrg(row.get("org_id", String.class), instant(row, "first_connected_at"),
                        row.get("connection_id", UUID.class), row.get("purge_requested_at") == null ? null
                        : new SalesforceOrg.Purge(instant(row, "purge_requested_at"), row.get("purge_requested_by", String.class),
                                row.get("records_purged", Long.class), instant(row, "purged_at"))));
    }

    /** Whether the org's records are being purged now. */
    boolean purging(String tenantId, String orgId) {
        return db.fetchExists(db.selectOne().from("salesforce_org").where("tenant_id = ? and org_id = ? "
                + "and purge_requested_at is not null and purged_at is null", tenantId, orgId));
    }

    void requestPurge(String tenantId, String orgId, String by, Instant at) {
        db.execute("update salesforce_org set purge_requested_at = ?::timestamptz, purge_requested_by = ?, records_purged = 0, "
                + "purged_at = null where tenant_id = ? and org_id = ?", utc(at), by, tenantId, orgId);
    }

    void countPurged(String tenantId, String orgId, int records) {
        db.execute("update salesforce_org set records_purged = records_purged + ? where tenant_id = ? and org_id = ?",
                records, tenantId, orgId);
    }

    void purgeFinished(String tenantId, String orgId, Instant at) {
        db.execute("update salesforce_org set purged_at = ?::timestamptz where tenant_id = ? and org_id = ?",
                utc(at), tenantId, orgId);
    }

    /** New credentials for the same org: the status starts over. */
    /** @param pubsubEndpoint a new Pub/Sub API endpoint, or null to keep the one the connection has */
    void replaceCredentials(String tenantId, UUID connectionId, URI instanceUrl, URI loginUrl, String clientId,
                            byte[] sealedSecrets, Instant setAt, String pubsubEndpoint) {
        db.execute("update salesforce_connection set instance_url = ?, login_url = ?, client_id = ?, sealed_secrets = ?, "
                        + "secrets_set_at = ?::timestamptz, status = ?, status_detail = null, "
                        + "pubsub_endpoint = coalesce(?, pubsub_endpoint) where tenant_id = ? and connection_id = ?",
                instanceUrl.toString(), loginUrl.toString(), clientId, sealedSecrets, utc(setAt),
                ConnectionStatus.CONNECTED.name(), pubsubEndpoint, tenantId, connectionId);
    }

    /** A refresh token Salesforce rotated: it replaces the stored one, and nothing else changes. */
    void replaceSealedSecrets(String tenantId, UUID connectionId, byte[] sealedSecrets) {
        db.execute("update salesforce_connection set sealed_secrets = ? where tenant_id = ? and connection_id = ?",
                sealedSecrets, tenantId, connectionId);
    }

    Optional<byte[]> sealedSecrets(String tenantId, UUID connectionId) {
        return db.fetchOptional("select sealed_secrets from salesforce_connection where tenant_id = ? and connection_id = ?",
                tenantId, connectionId).map(row -> row.get(0, byte[].class));
    }

    Optional<SalesforceConnection> find(String tenantId, UUID connectionId) {
        return db.fetchOptional(CONNECTION + "where tenant_id = ? and connection_id = ?", tenantId, connectionId)
                .map(ConnectionStore::toConnection);
    }

    Optional<SalesforceConnection> findByOrg(String tenantId, String orgId) {
        return db.fetchOptional(CONNECTION + "where tenant_id = ? and org_id = ?", tenantId, orgId)
                .map(ConnectionStore::toConnection);
    }

    List<SalesforceConnection> all(String tenantId) {
        return db.fetch(CONNECTION + "where tenant_id = ? order by created_at, connection_id", tenantId)
                .map(ConnectionStore::toConnection);
    }

    void status(String tenantId, UUID connectionId, ConnectionStatus status, String detail) {
        db.execute("update salesforce_connection set status = ?, status_detail = ? where tenant_id = ? and connection_id = ?",
                status.name(), detail, tenantId, connectionId);
    }

    void roundEnded(String tenantId, UUID connectionId, Instant at, boolean succeeded, Long apiUsed, Long apiMax) {
        db.execute("update salesforce_connection set last_round_at = ?::timestamptz, "
                        + "last_success_at = case when ? then ?::timestamptz else last_success_at end, "
                        + "api_used = coalesce(?, api_used), api_max = coalesce(?, api_max) "
                        + "where tenant_id = ? and connection_id = ?",
                utc(at), succeeded, utc(at), apiUsed, apiMax, tenantId, connectionId);
    }

    /**
     * Keeps the connection's row from being deleted until the transaction ends (updates of it go on); false when there
     * is no such row.
     */
    boolean lockAgainstDelete(String tenantId, UUID connectionId) {
        return db.fetchOptional("select 1 from salesforce_connection where tenant_id = ? and connection_id = ? for key share",
                tenantId, connectionId).isPresent();
    }

    boolean delete(String tenantId, UUID connectionId) {
        return db.execute("delete from salesforce_connection where tenant_id = ? and connection_id = ?", tenantId, connectionId) > 0;
    }

    private static SalesforceConnection toConnection(Record row) {
        Long apiUsed = row.get("api_used", Long.class);
        Long apiMax = row.get("api_max", Long.class);
        return new SalesforceConnection(row.get("tenant_id", String.class), row.get("connection_id", UUID.class),
                row.get("org_id", String.class), URI.create(row.get("instance_url", String.class)),
                URI.create(row.get("login_url", String.class)), row.get("client_id", String.class),
                instant(row, "secrets_set_at"), ConnectionStatus.valueOf(row.get("status", String.class)),
                row.get("status_detail", String.class), apiUsed, apiMax,
                Duration.ofSeconds(row.get("sync_interval_secs", Integer.class)), instant(row, "created_at"),
                instant(row, "last_round_at"), instant(row, "last_success_at"), row.get("pubsub_endpoint", String.class));
    }
}
