package dev.mosaic.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.testing.MosaicIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SurvivorshipAndTimelineTest extends MosaicIntegrationTest {

    private String token;

    @BeforeEach
    void freshTenant() {
        token = newTenantToken();
    }

    @Test
    void withoutTrustedSourcesTheMostRecentValueWinsAndTheOtherIsKept() throws Exception {
        contact("crm-a", "a1", "Director", "2026-01-01T00:00:00Z");
        contact("crm-b", "b1", "VP Sales", "2026-06-01T00:00:00Z");

        JsonNode title = title();
        assertThat(title.path("value").asText()).isEqualTo("VP Sales");
        assertThat(title.path("source").path("system").asText()).isEqualTo("crm-b");
        assertThat(title.path("alternatives").get(0).path("value").asText()).isEqualTo("Director");
        assertThat(title.path("alternatives").get(0).path("source").path("system").asText()).isEqualTo("crm-a");
    }

    @Test
    void aTrustedSourceWinsOverAMoreRecentOne() throws Exception {
        call("PUT", "/api/v1/settings/trusted-sources", token, "{\"sources\":[\"crm-a\",\"crm-b\"]}");
        contact("crm-a", "a1", "Director", "2026-01-01T00:00:00Z");
        contact("crm-b", "b1", "VP Sales", "2026-06-01T00:00:00Z");

        assertThat(title().path("value").asText()).isEqualTo("Director");
        assertThat(getJson("/api/v1/settings/trusted-sources", token).path("sources").get(0).asText()).isEqualTo("crm-a");
    }

    @Test
    void changingTheTrustedSourcesChangesWhatEntitiesShowAtOnce() throws Exception {
        contact("crm-a", "a1", "Director", "2026-01-01T00:00:00Z");
        contact("crm-b", "b1", "VP Sales", "2026-06-01T00:00:00Z");
        assertThat(title().path("value").asText()).isEqualTo("VP Sales");

        call("PUT", "/api/v1/settings/trusted-sources", token, "{\"sources\":[\"crm-a\"]}");

        assertThat(title().path("value").asText()).isEqualTo("Director");
        assertThat(getJson("/api/v1/contacts/" + id() + "/timeline", token).path("items").get(0).path("detail")
                .path("because").asText()).isEqualTo("trusted sources changed");
    }

    @Test
    void trustedSourcesMustBeSourceNames() throws Exception {
        assertThat(send("PUT", "/api/v1/settings/trusted-sources", token, "{\"sources\":[null]}").statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/api/v1/settings/trusted-sources", token, "{\"sources\":[\"\"]}").statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/api/v1/settings/trusted-sources", token, "{\"sources\":[\"a\",\"a\"]}").statusCode()).isEqualTo(400);
    }

    @Test
    void aPersonsEditWinsOverEverySyncBeforeAndAfter() throws Exception {
        call("PUT", "/api/v1/settings/trusted-sources", token, "{\"sources\":[\"crm-a\"]}");
        contact("crm-a", "a1", "Director", "2026-01-01T00:00:00Z");
        String id = id();

        JsonNode edited = call("PATCH", "/api/v1/contacts/" + id, token, "{\"title\":\"Chief Revenue Officer\"}");
        assertThat(edited.path("fields").path("title").path("value").asText()).isEqualTo("Chief Revenue Officer");
        assertThat(edited.path("fields").path("title").path("source").path("system").asText()).isEqualTo("mosaic");

        contact("crm-a", "a1", "Managing Director", "2026-09-01T00:00:00Z");
        assertThat(title().path("value").asText()).isEqualTo("Chief Revenue Officer");
        assertThat(title().path("alternatives").get(0).path("value").asText()).isEqualTo("Managing Director");
    }

    @Test
    void editsAreChecked() throws Exception {
        contact("crm-a", "a1", "Director", "2026-01-01T00:00:00Z");

        assertThat(send("PATCH", "/api/v1/contacts/" + id(), token, "{\"shoeSize\":\"44\"}").statusCode()).isEqualTo(400);
        assertThat(send("PATCH", "/api/v1/contacts/" + id(), token, "{\"email\":\"nope\"}").statusCode()).isEqualTo(400);
        assertThat(send("PATCH", "/api/v1/organizations/" + id(), token, "{\"name\":\"X\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void anOrganizationsTimelineGathersItsContactsInteractionsNotesAndDealsNewestFirstInPages() throws Exception {
        call("POST", "/api/v1/ingest/crm-a", token, """
                {"organizations":[{"externalId":"o1","name":"Umbrella","domain":"umbrella.com"}],
                 "contacts":[{"externalId":"c1","firstName":"Alice","lastName":"Abernathy","email":"alice@umbrella.com","organization":"o1"},
                             {"externalId":"c2","firstName":"Albert","lastName":"Wesker","email":"albert@umbrella.com","organization":"o1"}],
                 "deals":[{"externalId":"d1","name":"Umbrella expansion","organization":"o1","stage":"Prospecting","updatedAt":"2026-03-01T00:00:00Z"}],
                 "interactions":[
                   {"externalId":"i1","type":"email","occurredAt":"2026-04-01T10:00:00Z","subject":"Intro","contacts":["c1"]},
                   {"externalId":"i2","type":"call","occurredAt":"2026-04-03T10:00:00Z","subject":"Discovery","contacts":["c2"]},
                   {"externalId":"i3","type":"meeting","occurredAt":"2026-04-05T10:00:00Z","subject":"Demo","organization":"o1"}],
                 "notes":[{"externalId":"n1","title":"Budget","body":"Q3 budget approved","organization":"o1","createdAt":"2026-04-04T10:00:00Z"}]}
                """);
        call("POST", "/api/v1/ingest/crm-a", token, """
                {"deals":[{"externalId":"d1","name":"Umbrella expansion","organization":"o1","stage":"Negotiation","updatedAt":"2026-04-06T00:00:00Z"}]}
                """);
        String org = getJson("/api/v1/external/crm-a/organization/o1", token).path("id").asText();

        JsonNode firstPage = getJson("/api/v1/organizations/" + org + "/timeline?limit=3", token);
        JsonNode secondPage = getJson("/api/v1/organizations/" + org + "/timeline?limit=3&offset=3", token);

        assertThat(firstPage.path("total").asInt()).isEqualTo(6);
        assertThat(firstPage.path("items").findValuesAsText("summary"))
                .containsExactly("Stage Prospecting → Negotiation", "Meeting: Demo", "Note: Budget");
        assertThat(secondPage.path("items").findValuesAsText("summary"))
                .containsExactly("Call: Discovery", "Email: Intro", "Deal created in stage Prospecting");
        assertThat(secondPage.path("total").asInt()).isEqualTo(6);
        JsonNode pastTheEnd = getJson("/api/v1/organizations/" + org + "/timeline?limit=3&offset=9", token);
        assertThat(pastTheEnd.path("items")).isEmpty();
        assertThat(pastTheEnd.path("total").asInt()).as("the total, even past the last page").isEqualTo(6);
        assertThat(firstPage.path("items").get(1).path("source").path("id").asText()).isEqualTo("i3");
        JsonNode meeting = firstPage.path("items").get(1).path("detail");
        assertThat(meeting.path("subject").asText()).isEqualTo("Demo");
        assertThat(meeting.path("type").asText()).isEqualTo("meeting");
        assertThat(meeting.path("occurredAt").asText()).isEqualTo("2026-04-05T10:00:00Z");
        assertThat(firstPage.path("items").get(2).path("detail").path("body").asText()).isEqualTo("Q3 budget approved");

        call("POST", "/api/v1/ingest/crm-a", token, """
                {"interactions":[{"externalId":"i3","type":"meeting","occurredAt":"2026-04-05T10:00:00Z","subject":"Demo, part 2",
                  "organization":"o1"}]}
                """);
        JsonNode changed = getJson("/api/v1/organizations/" + org + "/timeline?limit=3", token).path("items").get(1);
        assertThat(changed.path("summary").asText()).isEqualTo("Meeting: Demo, part 2");
        assertThat(changed.path("detail").path("subject").asText()).as("the detail follows its record").isEqualTo("Demo, part 2");

        String alice = getJson("/api/v1/external/crm-a/contact/c1", token).path("id").asText();
        assertThat(getJson("/api/v1/contacts/" + alice + "/timeline", token).path("items").findValuesAsText("summary"))
                .containsExactly("Email: Intro");
        assertThat(get("/api/v1/organizations/" + alice + "/timeline", token).statusCode())
                .as("a contact's timeline asked for as an organization's").isEqualTo(404);
        assertThat(get("/api/v1/contacts/" + org + "/timeline", token).statusCode()).isEqualTo(404);
    }

    private void contact(String source, String id, String title, String updatedAt) throws Exception {
        call("POST", "/api/v1/ingest/" + source, token, "{\"contacts\":[{\"externalId\":\"" + id
                + "\",\"firstName\":\"Dana\",\"lastName\":\"Scully\",\"email\":\"dana@fbi.gov\",\"title\":\"" + title
                + "\",\"updatedAt\":\"" + updatedAt + "\"}]}");
    }

    private String id() throws Exception {
        List<String> ids = getJson("/api/v1/contacts", token).path("items").findValuesAsText("id");
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    private JsonNode title() throws Exception {
        return getJson("/api/v1/contacts/" + id(), token).path("fields").path("title");
    }
}
