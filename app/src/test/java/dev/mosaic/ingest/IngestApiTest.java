package dev.mosaic.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.testing.MosaicIntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngestApiTest extends MosaicIntegrationTest {

    private static final String BATCH = """
            {"organizations":[{"externalId":"o-1","name":"Acme Corp","domain":"acme.com","website":"https://www.acme.com","phone":"+1 415 555 0100"}],
             "contacts":[{"externalId":"c-1","firstName":"Jane","lastName":"Doe","email":"Jane.Doe@Acme.com","phone":"(415) 555-0101","title":"CTO","organization":"o-1"}],
             "deals":[{"externalId":"d-1","name":"Acme renewal","organization":"o-1","stage":"Negotiation","amount":12000,"currency":"USD","closeDate":"2026-12-31","contacts":[{"externalId":"c-1","role":"Decision maker","primary":true}]}],
             "interactions":[{"externalId":"i-1","type":"email","occurredAt":"2026-11-01T10:00:00Z","subject":"Renewal terms","organization":"o-1","contacts":["c-1"]}],
             "notes":[{"externalId":"n-1","title":"Call notes","body":"Wants a 2-year term","organization":"o-1","createdAt":"2026-11-02T09:00:00Z"}]}
            """;

    private String token;

    @BeforeEach
    void freshTenant() {
        token = newTenantToken();
    }

    @Test
    void aBatchCreatesEntitiesAndSendingItAgainChangesNothing() throws Exception {
        JsonNode first = call("POST", "/api/v1/ingest/hubspot", token, BATCH);
        assertThat(first.path("received").asInt()).isEqualTo(5);
        assertThat(first.path("created").asInt()).isEqualTo(5);
        assertThat(first.path("rejected")).isEmpty();

        JsonNode again = call("POST", "/api/v1/ingest/hubspot", token, BATCH);
        assertThat(again.path("unchanged").asInt()).isEqualTo(5);
        assertThat(again.path("created").asInt()).isZero();
        assertThat(again.path("updated").asInt()).isZero();
        assertThat(getJson("/api/v1/contacts", token).path("total").asInt()).isEqualTo(1);
    }

    @Test
    void externalIdsResolveToTheirEntitiesAndDetailShowsSourcesAndLinks() throws Exception {
        call("POST", "/api/v1/ingest/hubspot", token, BATCH);

        JsonNode contactRef = getJson("/api/v1/external/hubspot/contact/c-1", token);
        assertThat(contactRef.path("type").asText()).isEqualTo("contact");
        JsonNode contact = getJson("/api/v1/contacts/" + contactRef.path("id").asText(), token);

        assertThat(contact.path("name").asText()).isEqualTo("Jane Doe");
        JsonNode email = contact.path("fields").path("email");
        assertThat(email.path("value").asText()).isEqualTo("Jane.Doe@Acme.com");
        assertThat(email.path("source").path("system").asText()).isEqualTo("hubspot");
        assertThat(email.path("source").path("externalId").asText()).isEqualTo("c-1");
        assertThat(email.path("source").path("observedAt").asText()).isNotBlank();
        assertThat(contact.path("externalIds").get(0).path("system").asText()).isEqualTo("hubspot");
        assertThat(relationNames(contact, "works_at")).containsExactly("Acme Corp");
        assertThat(relationNames(contact, "deal_contact")).containsExactly("Acme renewal");

        JsonNode org = getJson("/api/v1/organizations/" + getJson("/api/v1/external/hubspot/organization/o-1", token)
                .path("id").asText(), token);
        assertThat(relationNames(org, "works_at")).containsExactly("Jane Doe");
        assertThat(relationNames(org, "deal_organization")).containsExactly("Acme renewal");
        JsonNode deal = getJson("/api/v1/deals/" + getJson("/api/v1/external/hubspot/deal/d-1", token).path("id").asText(), token);
        assertThat(deal.path("fields").path("amount").path("value").decimalValue()).isEqualByComparingTo("12000");
        assertThat(deal.path("fields").path("currency").path("value").asText()).isEqualTo("USD");
    }

    @Test
    void interactionAndNotePagesShowTheirValuesWithTheirSource() throws Exception {
        call("POST", "/api/v1/ingest/hubspot", token, BATCH);
        String interactionId = getJson("/api/v1/external/hubspot/interaction/i-1", token).path("id").asText();
        String noteId = getJson("/api/v1/external/hubspot/note/n-1", token).path("id").asText();

        JsonNode interaction = getJson("/api/v1/interactions/" + interactionId, token);
        assertThat(interaction.path("name").asText()).isEqualTo("Renewal terms");
        assertThat(interaction.path("fields").path("subject").path("value").asText()).isEqualTo("Renewal terms");
        assertThat(interaction.path("fields").path("type").path("source").path("externalId").asText()).isEqualTo("i-1");
        assertThat(getJson("/api/v1/notes/" + noteId, token).path("fields").path("body").path("value").asText())
                .isEqualTo("Wants a 2-year term");
    }

    @Test
    void usersOwnRecordsLeadsArriveAndContactsKeepPastEmployers() throws Exception {
        call("POST", "/api/v1/ingest/hubspot", token, """
                {"users":[{"externalId":"u-1","name":"Olivia Owner","email":"olivia@seller.example"}],
                 "organizations":[{"externalId":"o-1","name":"Acme Corp","owner":"u-1"},{"externalId":"o-0","name":"Old Co"}],
                 "contacts":[{"externalId":"c-1","firstName":"Jane","lastName":"Doe","organization":"o-1","pastOrganizations":["o-0"],"owner":"u-1"}],
                 "leads":[{"externalId":"l-1","firstName":"Lee","lastName":"Prospect","company":"Initech","email":"lee@initech.com","status":"Open"}],
                 "interactions":[{"externalId":"i-1","type":"meeting","occurredAt":"2026-11-01T10:00:00Z","subject":"Kickoff","contacts":["c-1"],"users":["u-1"]}]}
                """);

        String contact = getJson("/api/v1/external/hubspot/contact/c-1", token).path("id").asText();
        JsonNode relations = getJson("/api/v1/contacts/" + contact, token).path("relations");
        List<String> employers = new ArrayList<>();
        relations.forEach(r -> {
            if (r.path("kind").asText().equals("works_at")) {
                employers.add(r.path("name").asText() + (r.path("attributes").path("current").asBoolean() ? " (current)" : " (past)"));
            }
        });
        assertThat(employers).containsExactlyInAnyOrder("Acme Corp (current)", "Old Co (past)");
        String user = getJson("/api/v1/external/hubspot/user/u-1", token).path("id").asText();
        JsonNode owner = getJson("/api/v1/users/" + user, token);
        assertThat(owner.path("name").asText()).isEqualTo("Olivia Owner");
        assertThat(owner.path("relations").findValuesAsText("name")).contains("Acme Corp", "Jane Doe", "Kickoff");
        assertThat(getJson("/api/v1/leads?q=initech", token).path("items").get(0).path("name").asText())
                .isEqualTo("Lee Prospect");
    }

    @Test
    void searchFindsByNameEmailAndDomain() throws Exception {
        call("POST", "/api/v1/ingest/hubspot", token, BATCH);

        assertThat(getJson("/api/v1/contacts?q=jane", token).path("total").asInt()).isEqualTo(1);
        assertThat(getJson("/api/v1/contacts?q=JANE.DOE@acme", token).path("items").get(0).path("name").asText())
                .isEqualTo("Jane Doe");
        assertThat(getJson("/api/v1/organizations?q=acme.com", token).path("items").get(0).path("name").asText())
                .isEqualTo("Acme Corp");
        assertThat(getJson("/api/v1/organizations?q=globex", token).path("total").asInt()).isZero();
    }

    @Test
    void badItemsAreRefusedByNameAndFieldWhileTheValidOnesAreSaved() throws Exception {
        String batch = """
                {"contacts":[{"externalId":"ok-1","firstName":"Ann","lastName":"Lee","email":"ann@lee.example"},
                             {"externalId":"bad-1","firstName":"Bob","email":"not-an-email"},
                             {"firstName":"No","lastName":"Id"}],
                 "deals":[{"externalId":"d-9","name":"Big","amount":"lots","currency":"USD"}]}
                """;

        HttpResponse<String> response = send("POST", "/api/v1/ingest/hubspot", token, batch);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("invalid_items");
        assertThat(error.path("message").asText()).contains("3 of 4 items were refused");
        JsonNode rejected = error.path("details").path("rejected");
        assertThat(rejected).hasSize(3);
        assertThat(rejected.get(0).path("kind").asText()).isEqualTo("contacts");
        assertThat(rejected.get(0).path("index").asInt()).isEqualTo(1);
        assertThat(rejected.get(0).path("externalId").asText()).isEqualTo("bad-1");
        assertThat(rejected.get(0).path("field").asText()).isEqualTo("email");
        assertThat(rejected.get(1).path("field").asText()).isEqualTo("externalId");
        assertThat(rejected.get(2).path("field").asText()).isEqualTo("amount");
        assertThat(get("/api/v1/external/hubspot/contact/ok-1", token).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/external/hubspot/contact/bad-1", token).statusCode()).isEqualTo(404);
    }

    @Test
    void aBatchOfTheWrongShapeIsRefusedWithAClearMessage() throws Exception {
        HttpResponse<String> notObject = send("POST", "/api/v1/ingest/hubspot", token, "[1,2]");
        assertThat(notObject.statusCode()).isEqualTo(400);
        assertThat(json(notObject).path("error").path("message").asText()).contains("JSON object");

        HttpResponse<String> unknownArray = send("POST", "/api/v1/ingest/hubspot", token, "{\"people\":[]}");
        assertThat(json(unknownArray).path("error").path("message").asText()).contains("Unknown array 'people'");

        HttpResponse<String> reserved = send("POST", "/api/v1/ingest/salesforce", token, "{\"contacts\":[]}");
        assertThat(reserved.statusCode()).isEqualTo(400);
        assertThat(json(reserved).path("error").path("message").asText()).contains("reserved");

        HttpResponse<String> notJson = send("POST", "/api/v1/ingest/hubspot", token, "{\"contacts\":[");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).path("error").path("code").asText()).isEqualTo("bad_request");
    }

    @Test
    void aChangedItemIsAnUpdateAndItsChangeAppearsOnTheTimeline() throws Exception {
        call("POST", "/api/v1/ingest/hubspot", token, BATCH);

        JsonNode summary = call("POST", "/api/v1/ingest/hubspot", token, """
                {"contacts":[{"externalId":"c-1","firstName":"Jane","lastName":"Doe","email":"Jane.Doe@Acme.com","title":"CEO","organization":"o-1"}]}
                """);

        assertThat(summary.path("updated").asInt()).isEqualTo(1);
        String id = getJson("/api/v1/external/hubspot/contact/c-1", token).path("id").asText();
        assertThat(getJson("/api/v1/contacts/" + id, token).path("fields").path("title").path("value").asText())
                .isEqualTo("CEO");
        assertThat(getJson("/api/v1/contacts/" + id + "/timeline", token).path("items").findValuesAsText("summary"))
                .contains("title changed from CTO to CEO");
    }

    @Test
    void anItemItsSourceDeletedLeavesListsAndTimelinesButKeepsItsHistory() throws Exception {
        call("POST", "/api/v1/ingest/hubspot", token, BATCH);
        String org = getJson("/api/v1/external/hubspot/organization/o-1", token).path("id").asText();
        assertThat(getJson("/api/v1/organizations/" + org + "/timeline", token).path("items").findValuesAsText("summary"))
                .contains("Email: Renewal terms");

        JsonNode summary = call("POST", "/api/v1/ingest/hubspot", token, """
                {"contacts":[{"externalId":"c-1","deleted":true}],"interactions":[{"externalId":"i-1","deleted":true}]}
                """);

        assertThat(summary.path("updated").asInt()).isEqualTo(2);
        assertThat(getJson("/api/v1/contacts", token).path("total").asInt()).isZero();
        String contact = getJson("/api/v1/external/hubspot/contact/c-1", token).path("id").asText();
        JsonNode detail = getJson("/api/v1/contacts/" + contact, token);
        assertThat(detail.path("deleted").asBoolean()).isTrue();
        assertThat(detail.path("name").asText()).isEqualTo("Jane Doe");
        assertThat(detail.path("externalIds").get(0).path("deleted").asBoolean()).isTrue();
        assertThat(getJson("/api/v1/organizations/" + org + "/timeline", token).path("items").findValuesAsText("summary"))
                .doesNotContain("Email: Renewal terms");
        assertThat(getJson("/api/v1/organizations/" + org, token).path("relations").findValuesAsText("name"))
                .doesNotContain("Jane Doe");
    }

    @Test
    void concurrentBatchesForOneTenantAllSucceedAndDuplicateNothing() throws Exception {
        int batches = 16;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                int offset = b % 4;
                statuses.add(pool.submit(() -> {
                    StringBuilder contacts = new StringBuilder("{\"contacts\":[");
                    for (int i = 0; i < 10; i++) {
                        int n = offset * 5 + i;
                        contacts.append(i == 0 ? "" : ",").append("{\"externalId\":\"c").append(n)
                                .append("\",\"firstName\":\"P").append(n).append("\",\"lastName\":\"Q\",\"email\":\"p")
                                .append(n).append("@shared.example\"}");
                    }
                    return send("POST", "/api/v1/ingest/hubspot", token, contacts.append("]}").toString()).statusCode();
                }));
            }
            for (var status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(getJson("/api/v1/contacts?limit=100", token).path("total").asInt()).isEqualTo(25);
    }

    @Test
    void theSameExternalIdTwiceInOneBatchIsRefusedOnce() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/ingest/hubspot", token, """
                {"contacts":[{"externalId":"c-1","lastName":"First"},{"externalId":"c-1","lastName":"Second"}]}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode rejected = json(response).path("error").path("details").path("rejected");
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).path("index").asInt()).isEqualTo(1);
        assertThat(rejected.get(0).path("reason").asText()).contains("appears twice");
    }

    @Test
    void aBlankReferenceRefusesOnlyItsItem() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/ingest/hubspot", token, """
                {"organizations":[{"externalId":"o-1","name":"Acme"}],
                 "deals":[{"externalId":"d-1","name":"X","contacts":[""]},{"externalId":"d-2","name":"Y","contacts":[{"externalId":{"x":1}}]}]}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("details").path("rejected").findValuesAsText("field"))
                .containsExactly("contacts", "contacts");
        assertThat(getJson("/api/v1/organizations", token).path("total").asInt()).isEqualTo(1);
    }

    @Test
    void anOlderMessageArrivingLateDoesNotOverwriteANewerValue() throws Exception {
        call("POST", "/api/v1/ingest/hubspot", token,
                "{\"contacts\":[{\"externalId\":\"c-1\",\"lastName\":\"Doe\",\"title\":\"NEW\",\"updatedAt\":\"2026-05-01T00:00:00Z\"}]}");
        call("POST", "/api/v1/ingest/hubspot", token,
                "{\"contacts\":[{\"externalId\":\"c-1\",\"lastName\":\"Doe\",\"title\":\"OLD\",\"updatedAt\":\"2026-01-01T00:00:00Z\"}]}");

        String id = getJson("/api/v1/external/hubspot/contact/c-1", token).path("id").asText();
        assertThat(getJson("/api/v1/contacts/" + id, token).path("fields").path("title").path("value").asText())
                .isEqualTo("NEW");
    }

    @Test
    void aSourceReconfirmingAValueLaterIsAnUpdateThatMakesItRecent() throws Exception {
        String item = "{\"contacts\":[{\"externalId\":\"c-1\",\"lastName\":\"Doe\",\"updatedAt\":\"%s\"}]}";
        call("POST", "/api/v1/ingest/hubspot", token, item.formatted("2026-01-01T00:00:00Z"));

        JsonNode summary = call("POST", "/api/v1/ingest/hubspot", token, item.formatted("2026-02-01T00:00:00Z"));

        assertThat(summary.path("updated").asInt()).isEqualTo(1);
        String id = getJson("/api/v1/external/hubspot/contact/c-1", token).path("id").asText();
        assertThat(getJson("/api/v1/contacts/" + id, token).path("fields").path("lastName").path("source")
                .path("observedAt").asText()).isEqualTo("2026-02-01T00:00:00Z");
    }

    @Test
    void aJsonBodyOverTheLimitIsRefused() throws Exception {
        String huge = "{\"contacts\":[" + "{\"externalId\":\"x\",\"lastName\":\"" + "y".repeat(17 * 1024 * 1024) + "\"}]}";

        HttpResponse<String> response = send("POST", "/api/v1/ingest/hubspot", token, huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("payload_too_large");
    }

    private static List<String> relationNames(JsonNode entity, String kind) {
        List<String> names = new ArrayList<>();
        entity.path("relations").forEach(relation -> {
            if (relation.path("kind").asText().equals(kind)) {
                names.add(relation.path("name").asText());
            }
        });
        return names;
    }
}
