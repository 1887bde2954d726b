package dev.mosaic.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.Map;
import java.util.Set;
import java.sql.Connection;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sync as a user meets it: an org connected with the guide's values over the API, synced from the emulator
 * over real HTTP into the graph, and the graph compared with what the org holds.
 */
class SalesforceSyncTest extends SyncTestSupport {

    /** Their rows are links of other records, not entities of their own. */
    private static final Set<String> RELATION_OBJECTS = Set.of("OpportunityContactRole", "AccountContactRelation");

    private static EmulatedOrg org;

    @Autowired
    private DSLContext db;
    @Autowired
    private DataSource dataSource;

    @BeforeAll
    static void startOrg() {
        org = new EmulatedOrg(41, 12);
    }

    @AfterAll
    static void stopOrg() {
        org.close();
    }

    @Test
    void initialSyncBringsEveryLiveRecordWithItsFieldsAndLinks() throws Exception {
        // An org of its own, like the shared one: the scheduled rounds of other tests' connections read the shared
        // org, and the emulator would count their calls as this sync's.
        try (EmulatedOrg own = new EmulatedOrg(41, 12)) {
            String token = newTenantToken();
            long callsBefore = own.apiCalls();
            String id = connect(token, own);
            JsonNode connection = awaitRound(token, id, Instant.EPOCH);
            long calls = own.apiCalls() - callsBefore;

            assertThat(connection.path("status").asText()).isEqualTo("CONNECTED");
            assertThat(connection.path("orgId").asText()).isEqualTo(own.orgId());
            assertThat(connection.path("objects").findValuesAsText("phase")).hasSize(11).containsOnly("INCREMENTAL");
            JsonNode accounts = objectProgress(connection, "Account");
            long allAccounts = own.queryAll("SELECT Id FROM Account").size();
            assertThat(accounts.path("recordsSynced").asLong()).as("every account read, deleted ones too").isEqualTo(allAccounts);
            assertThat(accounts.path("recordsTotal").asLong()).isEqualTo(allAccounts);

            int withoutAccountButInferred = 0;
            for (JsonNode contact : own.queryAll("SELECT Id, LastName, Email, AccountId, IsDeleted, SystemModstamp, MasterRecordId, "
                    + "MailingStreet, MailingCity, Birthdate FROM Contact")) {
                HttpResponse<String> found = get("/api/v1/external/salesforce/Contact/" + contact.path("Id").asText(), token);
                if (contact.path("IsDeleted").asBoolean()) {
                    assertThat(found.statusCode()).as("a contact deleted before the sync never enters the graph: " + contact + " " + connection).isEqualTo(404);
                    continue;
                }
                assertThat(found.statusCode()).isEqualTo(200);
                JsonNode entity = getJson("/api/v1/contacts/" + json(found).path("id").asText(), token);
                assertThat(valueFrom(entity, "lastName", contact.path("Id").asText()))
                        .isEqualTo(contact.path("LastName").asText());
                assertThat(entity.path("externalIds").findValuesAsText("url"))
                        .anyMatch(url -> url.endsWith("/lightning/r/Contact/" + contact.path("Id").asText() + "/view"));
                if (!contact.path("AccountId").isNull()) {
                    String organization = resolve(token, "Account", contact.path("AccountId").asText());
                    assertThat(relationsOf(entity, "works_at")).contains(organization);
                } else if (!relationsOf(entity, "works_at").isEmpty()) {
                    withoutAccountButInferred++;
                }
                if (!contact.path("MailingCity").isNull()) {
                    JsonNode address = nodeFrom(entity, "address", contact.path("Id").asText());
                    assertThat(address.path("city").asText()).isEqualTo(contact.path("MailingCity").asText());
                    assertThat(address.path("street").asText()).isEqualTo(contact.path("MailingStreet").asText(""));
                }
                if (!contact.path("Birthdate").isNull()) {
                    assertThat(valueFrom(entity, "birthdate", contact.path("Id").asText())).isEqualTo(contact.path("Birthdate").asText());
                }
            }
            assertThat(withoutAccountButInferred).as("contacts without an account work at the one of their email's domain")
                    .isPositive();

            // The fewest calls a Bulk reader needs: checking the login reads the limits once; then per object a describe,
            // a job, a look at the job, and one call per result page (of 25 rows in these tests).
            long lowerBound = 1;
            for (JsonNode object : connection.path("objects")) {
                lowerBound += 3 + Math.max(1, (object.path("recordsTotal").asLong() + 24) / 25);
            }
            assertThat(calls).as("API calls of the initial sync").isLessThanOrEqualTo(lowerBound);

            JsonNode role = own.queryAll("SELECT OpportunityId, ContactId, Role FROM OpportunityContactRole "
                    + "WHERE IsDeleted = false LIMIT 1").get(0);
            JsonNode deal = getJson("/api/v1/deals/" + resolve(token, "Opportunity", role.path("OpportunityId").asText()), token);
            assertThat(relationsOf(deal, "deal_contact")).contains(resolve(token, "Contact", role.path("ContactId").asText()));

            String metrics = get("/actuator/prometheus", ADMIN_TOKEN).body();
            assertThat(metrics).contains("mosaic_sync_records_total{object=\"Account\"", "mosaic_salesforce_api_calls_total",
                    "mosaic_sync_lag_seconds{connection=\"" + id + "\"");

            JsonNode direct = own.queryAll("SELECT ContactId, AccountId, Roles FROM AccountContactRelation WHERE IsDirect = true "
                    + "AND Roles != null AND IsDeleted = false LIMIT 1").get(0);
            JsonNode withRoles = getJson("/api/v1/contacts/" + resolve(token, "Contact", direct.path("ContactId").asText()), token);
            String itsAccount = resolve(token, "Account", direct.path("AccountId").asText());
            assertThat(StreamSupport.stream(withRoles.path("relations").spliterator(), false)
                    .filter(relation -> relation.path("kind").asText().equals("works_at") && relation.path("id").asText().equals(itsAccount))
                    .map(relation -> relation.path("attributes").path("role").asText()))
                    .as("the roles of a contact at its own account").containsExactly(direct.path("Roles").asText());

            List<JsonNode> archivedTasks = own.queryAll("SELECT Id FROM Task WHERE IsArchived = true AND IsDeleted = false");
            assertThat(archivedTasks).as("the org has archived tasks, which only queryAll reads").isNotEmpty();
            for (JsonNode task : archivedTasks) {
                assertThat(get(token, "Task", task.path("Id").asText())).as("task " + task).isEqualTo(200);
            }
        }
    }

    @Test
    void anEmailNamesThePeopleItsAddressesBelongTo() throws Exception {
        String token = newTenantToken();
        connectAndSync(token, org);
        Map<String, String> contactOf = new HashMap<>();
        org.queryAll("SELECT Id, Email FROM Contact WHERE IsDeleted = false AND Email != null")
                .forEach(contact -> contactOf.put(contact.path("Email").asText().toLowerCase(), contact.path("Id").asText()));
        JsonNode email = org.queryAll("SELECT Id, FromAddress, ToAddress, Incoming FROM EmailMessage WHERE IsDeleted = false")
                .stream().filter(candidate -> contactOf.containsKey(contactSide(candidate).toLowerCase())).findFirst()
                .orElseThrow(() -> new AssertionError("the org has no email with one of its live contacts"));
        String userSide = email.path("Incoming").asBoolean() ? email.path("ToAddress").asText() : email.path("FromAddress").asText();
        String user = org.queryAll("SELECT Id FROM User WHERE Email = '" + userSide + "'").get(0).path("Id").asText();

        JsonNode interaction = getJson("/api/v1/interactions/" + resolve(token, "EmailMessage", email.path("Id").asText()), token);

        String contact = resolve(token, "Contact", contactOf.get(contactSide(email).toLowerCase()));
        assertThat(relationsOf(interaction, "participant")).contains(contact, resolve(token, "User", user));
        JsonNode contactRelation = StreamSupport.stream(interaction.path("relations").spliterator(), false)
                .filter(relation -> relation.path("id").asText().equals(contact)).findFirst().orElseThrow();
        assertThat(contactRelation.path("attributes").path("role").asText())
                .isEqualTo(email.path("Incoming").asBoolean() ? "from" : "to");
    }

    /** The address of an email's contact: its sender when it came in, its recipient when it went out. */
    private static String contactSide(JsonNode email) {
        return email.path("Incoming").asBoolean() ? email.path("FromAddress").asText() : email.path("ToAddress").asText();
    }

    @Test
    void theNextRoundShowsExactlyWhatChangedIncludingDeletesAndMerges() throws Exception {
        String token = newTenantToken();
        String id = connectAndSync(token, org);
        List<JsonNode> accounts = org.queryAll("SELECT Id, Name FROM Account WHERE IsDeleted = false ORDER BY Id");
        String master = accounts.get(0).path("Id").asText();
        String merged = accounts.get(1).path("Id").asText();

        Map<String, String> stagesBefore = new HashMap<>();
        org.queryAll("SELECT Id, StageName FROM Opportunity WHERE IsDeleted = false")
                .forEach(deal -> stagesBefore.put(deal.path("Id").asText(), deal.path("StageName").asText()));

        JsonNode changes = org.mutate(7, 15, 25, 8);
        org.merge("Account", master, merged);
        Instant asked = Instant.now();
        call("POST", "/api/v1/connections/salesforce/" + id + "/sync", token, null);
        awaitRound(token, id, asked);

        Set<String> deletedIds = new java.util.HashSet<>();
        changes.path("deletedIds").forEach(ids -> deletedIds.addAll(texts(ids)));
        changes.path("createdIds").fields().forEachRemaining(entry -> entry.getValue().forEach(created -> {
            if (!deletedIds.contains(created.asText()) && !RELATION_OBJECTS.contains(entry.getKey())) {
                assertThat(get(token, entry.getKey(), created.asText())).as("created " + created).isEqualTo(200);
            }
        }));
        for (JsonNode contact : org.queryAll("SELECT Id, LastName, Title, IsDeleted FROM Contact WHERE Id IN ('"
                + String.join("','", texts(changes.path("updatedIds").path("Contact"))) + "')")) {
            JsonNode entity = getJson("/api/v1/contacts/" + resolve(token, "Contact", contact.path("Id").asText()), token);
            assertThat(valueFrom(entity, "title", contact.path("Id").asText()))
                    .isEqualTo(contact.path("Title").isNull() ? null : contact.path("Title").asText());
        }
        Set<String> createdIds = new java.util.HashSet<>();
        changes.path("createdIds").forEach(ids -> createdIds.addAll(texts(ids)));
        changes.path("deletedIds").fields().forEachRemaining(entry -> entry.getValue().forEach(deleted -> {
            // Created and deleted between two rounds, a record never reaches the graph; the rest are kept as deleted.
            if (!RELATION_OBJECTS.contains(entry.getKey()) && !createdIds.contains(deleted.asText())) {
                assertThat(externalIdOf(token, entry.getKey(), deleted.asText()).path("deleted").asBoolean())
                        .as(entry.getKey() + " " + deleted + " deleted in Salesforce").isTrue();
            }
        }));
        int stageChanges = 0;
        for (JsonNode deal : org.queryAll("SELECT Id, StageName FROM Opportunity WHERE IsDeleted = false AND Id IN ('"
                + String.join("','", texts(changes.path("updatedIds").path("Opportunity"))) + "')")) {
            String before = stagesBefore.get(deal.path("Id").asText());
            if (before != null && !before.equals(deal.path("StageName").asText())) {
                JsonNode timeline = getJson("/api/v1/deals/" + resolve(token, "Opportunity", deal.path("Id").asText())
                        + "/timeline", token);
                assertThat(timeline.path("items").findValuesAsText("summary"))
                        .contains("Stage " + before + " → " + deal.path("StageName").asText());
                stageChanges++;
            }
        }
        assertThat(stageChanges).as("the mutation moved deals between stages").isPositive();
        assertThat(resolve(token, "Account", merged)).as("the graph follows Salesforce's merge")
                .isEqualTo(resolve(token, "Account", master));
    }

    @Test
    void aRoundWithNothingNewCostsOneCompositeCallPerFiveObjects() throws Exception {
        // An org of its own: the class's shared org is also read by the scheduled rounds of the other tests'
        // connections, whose calls the emulator would count here.
        try (EmulatedOrg own = new EmulatedOrg(43, 4)) {
            String token = newTenantToken();
            String id = connectAndSync(token, own);

            JsonNode before = own.stats();
            Instant asked = Instant.now();
            call("POST", "/api/v1/connections/salesforce/" + id + "/sync", token, null);
            awaitRound(token, id, asked);

            JsonNode after = own.stats();
            assertThat(after.path("apiCalls").asLong() - before.path("apiCalls").asLong())
                    .as("11 objects polled; calls before %s, after %s", before.path("calls"), after.path("calls")).isEqualTo(3);
        }
    }

    @Test
    void roundsThroughEveryFaultGiveTheGraphOfCleanRounds() throws Exception {
        String clean = newTenantToken();
        String cleanId = connectAndSync(clean, org);

        String faulted = newTenantToken();
        org.fault("SERVER_UNAVAILABLE", "/jobs/query", 2);
        org.fault("TOO_MANY_REQUESTS", "/query", 1);
        org.fault("DROP_CONNECTION", "/results", 2);
        org.fault("INVALID_SESSION_ID", "/queryAll", 1);
        String faultedId;
        try {
            faultedId = connect(faulted, org);
            awaitRound(faulted, faultedId, Instant.EPOCH);
        } finally {
            org.clearFaults();
        }
        assertThat(graphDigest(faulted)).isEqualTo(graphDigest(clean));

        org.mutate(99, 10, 20, 5);
        Instant asked = Instant.now();
        call("POST", "/api/v1/connections/salesforce/" + cleanId + "/sync", clean, null);
        awaitRound(clean, cleanId, asked);
        // The composite poll times out, then each object's own first query does once: its window is halved.
        org.fault("QUERY_TIMEOUT", "/composite", 3);
        org.fault("QUERY_TIMEOUT", "/queryAll", 2);
        org.fault("SERVER_UNAVAILABLE", "/queryAll", 1, 4);
        try {
            call("POST", "/api/v1/connections/salesforce/" + faultedId + "/sync", faulted, null);
            JsonNode connection = awaitRound(faulted, faultedId, asked);
            assertThat(connection.path("status").asText()).isEqualTo("CONNECTED");
        } finally {
            org.clearFaults();
        }
        assertThat(graphDigest(faulted)).isEqualTo(graphDigest(clean));
    }

    @Test
    void aPageOfHtmlOrAnAnswerCutShortIsReadAgainAndTheGraphIsTheCleanOne() throws Exception {
        String clean = newTenantToken();
        String cleanId = connectAndSync(clean, org);

        String garbled = newTenantToken();
        org.fault("HTML_PAGE", "/results", 1);
        org.fault("TRUNCATED_BODY", "/results", 1, 2);
        org.fault("HTML_PAGE", "/describe", 1);
        org.fault("TRUNCATED_BODY", "/jobs/query", 1, 3);
        String garbledId;
        try {
            garbledId = connect(garbled, org);
            assertThat(awaitRound(garbled, garbledId, Instant.EPOCH).path("status").asText()).isEqualTo("CONNECTED");
        } finally {
            org.clearFaults();
        }
        assertThat(graphDigest(garbled)).isEqualTo(graphDigest(clean));

        org.mutate(101, 5, 10, 3);
        Instant asked = Instant.now();
        call("POST", "/api/v1/connections/salesforce/" + cleanId + "/sync", clean, null);
        awaitRound(clean, cleanId, asked);
        org.fault("HTML_PAGE", "/composite", 1);
        org.fault("TRUNCATED_BODY", "/queryAll", 1);
        try {
            call("POST", "/api/v1/connections/salesforce/" + garbledId + "/sync", garbled, null);
            assertThat(awaitRound(garbled, garbledId, asked).path("status").asText()).isEqualTo("CONNECTED");
        } finally {
            org.clearFaults();
        }
        assertThat(graphDigest(garbled)).isEqualTo(graphDigest(clean));
    }

    @Test
    void whenBulkCannotReadAnObjectTheInitialLoadReadsItByRestWithTheSameResult() throws Exception {
        String clean = newTenantToken();
        connectAndSync(clean, org);

        String restOnly = newTenantToken();
        // Every Bulk job this round starts times out: each object falls back to REST queryAll.
        org.fault("QUERY_TIMEOUT", "/jobs/query", 22);
        try {
            JsonNode connection = awaitRound(restOnly, connect(restOnly, org), Instant.EPOCH);
            assertThat(connection.path("objects").findValuesAsText("phase")).containsOnly("INCREMENTAL");
        } finally {
            org.clearFaults();
        }

        assertThat(graphDigest(restOnly)).isEqualTo(graphDigest(clean));
    }

    @Test
    void aSyncStoppedHalfWayResumesFromItsCursorsAndGivesTheSameGraph() throws Exception {
        String clean = newTenantToken();
        connectAndSync(clean, org);

        String interrupted = newTenantToken();
        // The org's API limit runs out on the eighth Bulk result page: the round ends there, cursors committed.
        org.fault("REQUEST_LIMIT_EXCEEDED", "/results", 1, 7);
        String id;
        JsonNode stopped;
        try {
            id = connect(interrupted, org);
            stopped = awaitRound(interrupted, id, Instant.EPOCH);
        } finally {
            org.clearFaults();
        }
        assertThat(stopped.path("statusDetail").asText()).contains("API limit");
        assertThat(stopped.path("objects").findValuesAsText("phase")).contains("INITIAL");

        Instant asked = Instant.now();
        call("POST", "/api/v1/connections/salesforce/" + id + "/sync", interrupted, null);
        JsonNode resumed = awaitRound(interrupted, id, asked);

        assertThat(resumed.path("objects").findValuesAsText("phase")).containsOnly("INCREMENTAL");
        assertThat(graphDigest(interrupted)).isEqualTo(graphDigest(clean));
    }

    @Test
    void aFieldAddedToAnObjectIsFilledInForEveryRecordWithoutARestart() throws Exception {
        String token = newTenantToken();
        String id = connectAndSync(token, org);
        JsonNode account = org.queryAll("SELECT Id, Website FROM Account WHERE Website != null AND IsDeleted = false LIMIT 1").get(0);
        String tenantId = getJson("/api/v1/me", token).path("tenant").asText();
        // As things stood before an admin made Website readable: describe lacked it, and so did the synced records.
        db.execute("update sync_object set schema = jsonb_set(schema, '{fields}', (schema -> 'fields') - 'Website'), "
                + "described_at = now() - interval '2 days' where tenant_id = ? and object = 'Account'", tenantId);
        db.execute("update source_record set fields = (fields::jsonb - 'website')::json, content_hash = 'before' "
                + "where tenant_id = ? and object = 'Account' and external_id = ?", tenantId,
                org.orgId() + "/" + account.path("Id").asText());

        Instant asked = Instant.now();
        syncNow(token, id);
        awaitRound(token, id, asked);

        JsonNode organization = getJson("/api/v1/organizations/" + resolve(token, "Account", account.path("Id").asText()), token);
        assertThat(valueFrom(organization, "website", account.path("Id").asText())).isEqualTo(account.path("Website").asText());
    }

    @Test
    void refusesCredentialsThatDoNotLogInAndNamesWhichValueIsWrong() throws Exception {
        String token = newTenantToken();
        Map<String, String> good = org.connectionValues();

        assertThat(refusal(token, with(good, "clientId", "not-a-key"))).contains("consumer key");
        assertThat(refusal(token, with(good, "clientSecret", "wrong-secret"))).contains("consumer secret");
        assertThat(refusal(token, with(good, "refreshToken", "5Aep-wrong"))).contains("refresh token");
        assertThat(refusal(token, with(good, "loginUrl", "http://169.254.169.254"))).contains("not a Salesforce login host");
        assertThat(refusal(token, with(good, "loginUrl", "http://login.salesforce.com"))).contains("https");
        assertThat(getJson("/api/v1/connections/salesforce", token).path("total").asInt()).isZero();
    }

    @Test
    void secretsAreNeverShownAgain() throws Exception {
        String token = newTenantToken();
        String id = connect(token, org);
        String secret = org.credentials().clientSecret();
        String refreshToken = org.credentials().refreshToken();

        String one = get("/api/v1/connections/salesforce/" + id, token).body();
        String all = get("/api/v1/connections/salesforce", token).body();

        assertThat(one + all).doesNotContain(secret).doesNotContain(refreshToken).contains("•••• set on");
        byte[] stored = db.fetchOne("select sealed_secrets from salesforce_connection where connection_id = ?::uuid", id)
                .get(0, byte[].class);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(refreshToken);
    }

    @Test
    void connectingTheSameOrgTwiceIsAConflict() throws Exception {
        String token = newTenantToken();
        connect(token, org);

        HttpResponse<String> again = send("POST", "/api/v1/connections/salesforce", token, org.connectionValues());

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("PUT");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private String refusal(String token, Map<String, String> values) throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/connections/salesforce", token, values);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).doesNotContain(values.get("clientSecret")).doesNotContain(values.get("refreshToken"));
        return json(response).path("error").path("message").asText();
    }

    private static Map<String, String> with(Map<String, String> values, String field, String value) {
        Map<String, String> changed = new HashMap<>(values);
        changed.put(field, value);
        return changed;
    }

    private static JsonNode objectProgress(JsonNode connection, String object) {
        for (JsonNode progress : connection.path("objects")) {
            if (progress.path("name").asText().equals(object)) {
                return progress;
            }
        }
        throw new AssertionError("No progress for " + object + " in " + connection);
    }

    /** The entity's external id entry for this Salesforce record. */
    private JsonNode externalIdOf(String token, String object, String id) {
        try {
            JsonNode resolved = getJson("/api/v1/external/salesforce/" + object + "/" + id, token);
            String collection = switch (resolved.path("type").asText()) {
                case "organization" -> "organizations";
                case "contact" -> "contacts";
                case "lead" -> "leads";
                case "deal" -> "deals";
                case "interaction" -> "interactions";
                case "note" -> "notes";
                default -> "users";
            };
            for (JsonNode external : getJson("/api/v1/" + collection + "/" + resolved.path("id").asText(), token)
                    .path("externalIds")) {
                if (external.path("id").asText().endsWith("/" + id)) {
                    return external;
                }
            }
            throw new AssertionError("No external id " + id + " on its entity");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }



    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private String graphDigest(String token) throws Exception {
        String tenantId = getJson("/api/v1/me", token).path("tenant").asText();
        try (Connection connection = dataSource.getConnection()) {
            return GraphDigest.of(connection, tenantId);
        }
    }
}
