package dev.mosaic.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Purging a disconnected org's records: nothing of the org stays in the graph, what other sources (and other orgs)
 * say stays, and a round still running when the org is disconnected cannot leave records behind.
 */
class OrgPurgeTest extends SyncTestSupport {

    @Autowired
    private DSLContext db;

    @Test
    void purgingAtDisconnectLeavesNothingOfTheOrgAndKeepsWhatOtherSourcesSay() throws Exception {
        try (EmulatedOrg production = new EmulatedOrg(61, 3); EmulatedOrg sandbox = new EmulatedOrg(62, 2)) {
            String token = newTenantToken();
            String tenant = getJson("/api/v1/me", token).path("tenant").asText();
            String id = connectAndSync(token, production);
            connectAndSync(token, sandbox);
            JsonNode salesforceContact = production.queryAll(
                    "SELECT Id, Email FROM Contact WHERE Email != null AND IsDeleted = false LIMIT 1").get(0);
            String email = salesforceContact.path("Email").asText();
            call("POST", "/api/v1/ingest/crm", token, Map.of(
                    // Its organization named, so that no organization is inferred from its email's domain.
                    "contacts", List.of(Map.of("externalId", "c-1", "lastName", "Fromcrm", "email", email,
                            "organization", "o-1")),
                    "organizations", List.of(Map.of("externalId", "o-1", "name", "Only In The CRM"))));
            String merged = resolve(token, "Contact", salesforceContact.path("Id").asText() + "?org=" + production.orgId());
            assertThat(getJson("/api/v1/external/crm/contact/c-1", token).path("id").asText()).isEqualTo(merged);
            String account = production.queryAll("SELECT Id FROM Account WHERE IsDeleted = false ORDER BY Id LIMIT 1").get(0)
                    .path("Id").asText();
            String edited = getJson("/api/v1/external/salesforce/Account/" + account + "?org=" + production.orgId(), token)
                    .path("id").asText();
            call("PATCH", "/api/v1/organizations/" + edited, token, Map.of("industry", "Edited in Mosaic"));
            long sandboxRecords = salesforceRecords(tenant, sandbox.orgId());
            long productionRecords = salesforceRecords(tenant, production.orgId());

            HttpResponse<String> disconnected = send("DELETE", "/api/v1/connections/salesforce/" + id + "?purge=true", token, null);

            assertThat(disconnected.statusCode()).as(disconnected.body()).isEqualTo(202);
            assertThat(json(disconnected).path("dataKept").asBoolean()).isFalse();
            JsonNode purge = awaitPurge(token, json(disconnected).path("purgeProgress").asText());
            assertThat(purge.path("recordsPurged").asLong()).isEqualTo(productionRecords);
            assertThat(salesforceRecords(tenant, production.orgId())).isZero();
            assertThat(salesforceRecords(tenant, sandbox.orgId())).isEqualTo(sandboxRecords);
            // The shared id now names the sandbox's record only; the edited production account is gone with its edit.
            assertThat(get("/api/v1/external/salesforce/Account/" + account, token).statusCode()).isEqualTo(200);
            assertThat(get("/api/v1/organizations/" + edited, token).statusCode()).isEqualTo(404);
            JsonNode contact = getJson("/api/v1/contacts/" + merged, token);
            assertThat(contact.path("externalIds").findValuesAsText("system")).containsExactly("crm");
            assertThat(contact.path("fields").path("lastName").path("value").asText()).isEqualTo("Fromcrm");
            HttpResponse<String> unmerge = send("POST", "/api/v1/contacts/" + merged + "/unmerge", token, null);
            assertThat(unmerge.statusCode()).as(unmerge.body()).isEqualTo(409);
            assertThat(get("/api/v1/external/crm/organization/o-1", token).statusCode()).isEqualTo(200);
            assertThat(orphans(tenant)).isEqualTo(Map.of("keys", 0L, "links", 0L, "timeline", 0L, "entities", 0L,
                    "inferred organizations nobody works at", 0L));
        }
    }

    @Test
    void aRoundStillRunningWhenTheOrgIsDisconnectedLeavesNothingBehind() throws Exception {
        try (EmulatedOrg org = new EmulatedOrg(63, 12)) {
            String token = newTenantToken();
            String tenant = getJson("/api/v1/me", token).path("tenant").asText();
            String id = connect(token, org);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> salesforceRecords(tenant, org.orgId()) > 0);

            JsonNode disconnected = call("DELETE", "/api/v1/connections/salesforce/" + id + "?purge=true", token, null);

            awaitPurge(token, disconnected.path("purgeProgress").asText());
            assertThat(salesforceRecords(tenant, org.orgId())).isZero();
            assertThat(orphans(tenant)).isEqualTo(Map.of("keys", 0L, "links", 0L, "timeline", 0L, "entities", 0L,
                    "inferred organizations nobody works at", 0L));
            assertThat(db.fetchOne("select count(*) from sync_object where tenant_id = ?", tenant).get(0, Long.class)).isZero();
        }
    }

    @Test
    void keptRecordsArePurgedLaterOnRequestButNotWhileTheOrgIsConnected() throws Exception {
        try (EmulatedOrg org = new EmulatedOrg(64, 2)) {
            String token = newTenantToken();
            String id = connectAndSync(token, org);
            String account = org.queryAll("SELECT Id FROM Account WHERE IsDeleted = false LIMIT 1").get(0).path("Id").asText();
            String purgePath = "/api/v1/connections/salesforce/orgs/" + org.orgId();

            HttpResponse<String> whileConnected = send("POST", purgePath + "/purge", token, null);
            call("DELETE", "/api/v1/connections/salesforce/" + id, token, null);
            JsonNode kept = getJson(purgePath, token);
            int keptAccount = get(token, "Account", account);
            HttpResponse<String> asked = send("POST", purgePath + "/purge", token, null);

            assertThat(whileConnected.statusCode()).isEqualTo(409);
            assertThat(whileConnected.body()).contains("?purge=true");
            assertThat(kept.path("purge").isNull()).isTrue();
            assertThat(keptAccount).isEqualTo(200);
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
            assertThat(awaitPurge(token, purgePath).path("requestedBy").asText()).startsWith("admin@");
            assertThat(get(token, "Account", account)).isEqualTo(404);
        }
    }

    private JsonNode awaitPurge(String token, String progressPath) {
        JsonNode[] purge = {null};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            purge[0] = getJson(progressPath, token).path("purge");
            return purge[0].hasNonNull("finishedAt");
        });
        return purge[0];
    }

    private long salesforceRecords(String tenant, String orgId) {
        return db.fetchOne("select count(*) from source_record where tenant_id = ? and system = 'salesforce' "
                + "and starts_with(external_id, ?)", tenant, orgId + "/").get(0, Long.class);
    }

    /** What would point at a record or entity that is gone, or an entity no record stands for. */
    private Map<String, Long> orphans(String tenant) {
        return Map.of(
                "keys", count("select count(*) from identity_key k where tenant_id = ? and not exists "
                        + "(select 1 from source_record r where r.tenant_id = k.tenant_id and r.record_id = k.record_id)", tenant),
                "links", count("select count(*) from link l where tenant_id = ? and not exists "
                        + "(select 1 from source_record r where r.tenant_id = l.tenant_id and r.record_id = l.from_record)", tenant),
                "timeline", count("select count(*) from timeline_event t where tenant_id = ? and subject_record is not null "
                        + "and not exists (select 1 from source_record r where r.tenant_id = t.tenant_id "
                        + "and r.record_id = t.subject_record)", tenant),
                "entities", count("select count(*) from entity e where tenant_id = ? and not exists (select 1 from source_record r "
                        + "where r.tenant_id = e.tenant_id and r.entity_id = coalesce(e.merged_into, e.entity_id))", tenant),
                "inferred organizations nobody works at", count("select count(*) from source_record r where tenant_id = ? "
                        + "and system = 'mosaic' and object = 'email-domain' and not exists (select 1 from link l "
                        + "where l.tenant_id = r.tenant_id and l.to_system = r.system and l.to_object = r.object "
                        + "and l.to_external_id = r.external_id)", tenant));
    }

    private long count(String sql, String tenant) {
        return db.fetchOne(sql, tenant).get(0, Long.class);
    }
}
