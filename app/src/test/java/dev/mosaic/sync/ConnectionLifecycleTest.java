package dev.mosaic.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.platform.crypto.SecretBox;
import dev.mosaic.platform.json.Json;
import java.net.http.HttpResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A connection's life beyond the first sync: token rotation, a revoked token, disconnecting, several orgs that
 * share record ids, and records the graph cannot take. Each test has an org of its own, since some of them
 * revoke every token the org issued.
 */
class ConnectionLifecycleTest extends SyncTestSupport {

    @Autowired
    private DSLContext db;
    @Autowired
    private SecretBox secrets;

    @Test
    void aRotatedRefreshTokenIsStoredSoTheNextLoginUsesIt() throws Exception {
        try (EmulatedOrg org = new EmulatedOrg(51, 2, true)) {
            String token = newTenantToken();
            String id = connectAndSync(token, org);
            org.expireSessions();
            Instant asked = Instant.now();
            syncNow(token, id);

            JsonNode connection = awaitRound(token, id, asked);

            assertThat(connection.path("status").asText()).isEqualTo("CONNECTED");
            String stored = storedRefreshToken(id);
            assertThat(stored).isNotEqualTo(org.credentials().refreshToken());
            assertThat(org.acceptsRefreshToken(stored)).as("the stored token is the one Salesforce rotated to").isTrue();
            assertThat(org.acceptsRefreshToken(org.credentials().refreshToken())).isFalse();
        }
    }

    @Test
    void aTokenAnotherInstanceRotatedMeanwhileIsTheOneUsedNext() throws Exception {
        try (EmulatedOrg org = new EmulatedOrg(60, 2, true)) {
            String token = newTenantToken();
            String id = connectAndSync(token, org);
            // Another app instance on the same database logs in with the stored token, which Salesforce rotates, and
            // stores the new one: the token this instance's client holds is retired.
            String newest = org.rotate(storedRefreshToken(id));
            storeRefreshToken(id, newest);
            org.expireSessions();
            Instant asked = Instant.now();
            syncNow(token, id);

            JsonNode connection = awaitRound(token, id, asked);

            assertThat(connection.path("status").asText()).as(connection.path("statusDetail").asText()).isEqualTo("CONNECTED");
        }
    }

    @Test
    void aRevokedRefreshTokenAsksForReconnectInPlainWords() throws Exception {
        try (EmulatedOrg org = new EmulatedOrg(52, 2)) {
            String token = newTenantToken();
            String id = connectAndSync(token, org);
            org.revokeRefreshTokens();
            Instant asked = Instant.now();
            syncNow(token, id);

            JsonNode connection = awaitRound(token, id, asked);

            assertThat(connection.path("status").asText()).isEqualTo("NEEDS_RECONNECT");
            assertThat(connection.path("statusDetail").asText()).contains("reconnect");
        }
    }

    @Test
    void theSyncKeepsToItsShareOfTheOrgsDailyApiLimit() throws Exception {
        try (EmulatedOrg org = EmulatedOrg.withApiLimit(57, 3, 40)) {
            String token = newTenantToken();
            String id = connect(token, org);

            JsonNode connection = awaitRound(token, id, Instant.EPOCH);

            assertThat(connection.path("statusDetail").asText()).contains("daily API calls").contains("50%");
            assertThat(connection.path("objects").findValuesAsText("phase")).contains("INITIAL");
            assertThat(org.apiCalls()).as("calls made of the org's 40: half, and the one that found the share spent")
                    .isLessThanOrEqualTo(21);
        }
    }

    @Test
    void aConvertedLeadIsLinkedToWhatItBecame() throws Exception {
        try (EmulatedOrg org = new EmulatedOrg(58, 80)) {
            String token = newTenantToken();
            connectAndSync(token, org);

            List<JsonNode> convertedLeads = org.queryAll("SELECT Id, ConvertedContactId, ConvertedAccountId FROM Lead "
                    + "WHERE IsConverted = true AND IsDeleted = false");
            assertThat(convertedLeads).as("the org has converted leads").isNotEmpty();
            for (JsonNode lead : convertedLeads) {
                List<String> became = relationsOf(getJson("/api/v1/leads/" + resolve(token, "Lead", lead.path("Id").asText()),
                        token), "converted_to");
                assertThat(became).contains(resolve(token, "Account", lead.path("ConvertedAccountId").asText()));
                if (!lead.path("ConvertedContactId").isNull()) {
                    assertThat(became).contains(resolve(token, "Contact", lead.path("ConvertedContactId").asText()));
                }
            }
        }
    }

    @Test
    void aRedefinedFormulaReachesTheGraphOnceItsDailyReadIsDue() throws Exception {
        try (EmulatedOrg org = new EmulatedOrg(59, 4)) {
            String token = newTenantToken();
            String id = connectAndSync(token, org);
            String opportunity = org.queryAll("SELECT Id FROM Opportunity WHERE ExpectedRevenue > 0 AND IsDeleted = false "
                    + "LIMIT 1").get(0).path("Id").asText();
            org.redefineFormula("Opportunity", "ExpectedRevenue", 0.5);
            JsonNode now = org.queryAll("SELECT ExpectedRevenue FROM Opportunity WHERE Id = '" + opportunity + "'").get(0);
            // A day passes: the last full read of opportunities is older than the daily re-read of calculated fields.
            String tenantId = getJson("/api/v1/me", token).path("tenant").asText();
            db.execute("update sync_object set cursor = jsonb_set(cursor, '{fullyReadAt}', to_jsonb(?::text)) "
                    + "where tenant_id = ? and object = 'Opportunity'", Instant.now().minus(Duration.ofDays(2)).toString(), tenantId);
            Instant asked = Instant.now();
            syncNow(token, id);
            awaitRound(token, id, asked);

            JsonNode deal = getJson("/api/v1/deals/" + resolve(token, "Opportunity", opportunity), token);
            assertThat(new BigDecimal(valueFrom(deal, "ExpectedRevenue", opportunity)))
                    .isEqualByComparingTo(now.path("ExpectedRevenue").decimalValue());
        }
    }

    @Test
    void disconnectingRevokesTheTokenAndKeepsTheRecords() throws Exception {
        try (EmulatedOrg org = new EmulatedOrg(53, 2)) {
            String token = newTenantToken();
            String id = connectAndSync(token, org);
            String account = org.queryAll("SELECT Id FROM Account WHERE IsDeleted = false LIMIT 1").get(0).path("Id").asText();

            JsonNode disconnected = call("DELETE", "/api/v1/connections/salesforce/" + id, token, null);

            assertThat(disconnected.path("tokenRevoked").asBoolean()).isTrue();
            assertThat(org.acceptsRefreshToken(org.credentials().refreshToken())).isFalse();
            assertThat(get("/api/v1/connections/salesforce/" + id, token).statusCode()).isEqualTo(404);
            assertThat(get(token, "Account", account)).isEqualTo(200);
        }
    }

    @Test
    void orgsThatShareRecordIdsKeepTheirRecordsApart() throws Exception {
        try (EmulatedOrg production = new EmulatedOrg(54, 2); EmulatedOrg sandbox = new EmulatedOrg(55, 2)) {
            String token = newTenantToken();
            String productionId = connect(token, production);
            String sandboxId = connect(token, sandbox);
            awaitRound(token, productionId, Instant.EPOCH);
            awaitRound(token, sandboxId, Instant.EPOCH);
            String shared = production.queryAll("SELECT Id FROM Account ORDER BY Id LIMIT 1").get(0).path("Id").asText();
            assertThat(sandbox.queryAll("SELECT Id FROM Account WHERE Id = '" + shared + "'")).hasSize(1);

            HttpResponse<String> ambiguous = get("/api/v1/external/salesforce/Account/" + shared, token);
            String inProduction = getJson("/api/v1/external/salesforce/Account/" + shared + "?org=" + production.orgId(), token)
                    .path("id").asText();
            String inSandbox = getJson("/api/v1/external/salesforce/Account/" + shared.substring(0, 15) + "?org="
                    + sandbox.orgId(), token).path("id").asText();

            assertThat(ambiguous.statusCode()).isEqualTo(409);
            assertThat(ambiguous.body()).contains("?org=");
            assertThat(inProduction).isNotEqualTo(inSandbox);
            assertThat(getJson("/api/v1/connections/salesforce", token).path("total").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aRecordTheGraphCannotTakeIsQuarantinedAndTheSyncGoesOn() throws Exception {
        try (EmulatedOrg org = new EmulatedOrg(56, 2)) {
            String token = newTenantToken();
            String id = connectAndSync(token, org);
            String bad = org.create("Contact", Map.of("LastName", "Null\u0000Byte", "Email", "nul@example.com"));
            String good = org.create("Contact", Map.of("LastName", "Lovelace", "Email", "ada@example.com"));
            Instant asked = Instant.now();
            syncNow(token, id);

            JsonNode connection = awaitRound(token, id, asked);

            assertThat(connection.path("status").asText()).isEqualTo("CONNECTED");
            assertThat(connection.path("quarantined").asInt()).isEqualTo(1);
            JsonNode quarantined = getJson("/api/v1/connections/salesforce/" + id + "/quarantine", token);
            assertThat(quarantined.path("items").get(0).path("recordId").asText()).isEqualTo(bad);
            assertThat(quarantined.path("items").get(0).path("reason").asText()).containsIgnoringCase("lastName");
            assertThat(quarantined.path("items").get(0).path("payload").path("Email").asText()).isEqualTo("nul@example.com");
            assertThat(get(token, "Contact", good)).isEqualTo(200);
        }
    }

    private void storeRefreshToken(String connectionId, String refreshToken) {
        var row = db.fetchOne("select tenant_id, sealed_secrets from salesforce_connection where connection_id = ?::uuid",
                connectionId);
        String context = "salesforce_connection/" + row.get(0, String.class) + "/" + connectionId;
        com.fasterxml.jackson.databind.node.ObjectNode opened = (com.fasterxml.jackson.databind.node.ObjectNode)
                Json.read(secrets.open(row.get(1, byte[].class), context));
        opened.put("refreshToken", refreshToken);
        db.execute("update salesforce_connection set sealed_secrets = ? where connection_id = ?::uuid",
                secrets.seal(opened.toString(), context), connectionId);
    }

    private String storedRefreshToken(String connectionId) {
        var row = db.fetchOne("select tenant_id, sealed_secrets from salesforce_connection where connection_id = ?::uuid",
                connectionId);
        String opened = secrets.open(row.get(1, byte[].class),
                "salesforce_connection/" + row.get(0, String.class) + "/" + connectionId);
        return Json.read(opened).path("refreshToken").asText();
    }
}
