package dev.mosaic.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.testing.MosaicIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code ?q=} search and PATCH edits answer a 400 naming the parameter or field for text PostgreSQL cannot hold. */
class SearchAndEditInputTest extends MosaicIntegrationTest {

    private String token;
    private String contactId;

    @BeforeEach
    void oneContact() throws Exception {
        token = newTenantToken();
        call("POST", "/api/v1/ingest/hubspot", token, """
                {"organizations":[{"externalId":"o-1","name":"Acme Corp","domain":"acme.com"}],
                 "contacts":[{"externalId":"c-1","firstName":"Jane","lastName":"Doe","title":"CTO","organization":"o-1"}]}
                """);
        contactId = getJson("/api/v1/external/hubspot/contact/c-1", token).path("id").asText();
    }

    @Test
    void aNulInTheSearchTextIsABadRequestNamingQ() throws Exception {
        for (String collection : new String[] {"organizations", "contacts", "deals"}) {
            HttpResponse<String> response = get("/api/v1/" + collection + "?q=ac%00me", token);

            assertThat(response.statusCode()).as(collection).isEqualTo(400);
            JsonNode error = json(response).path("error");
            assertThat(error.path("code").asText()).isEqualTo("bad_request");
            assertThat(error.path("details").path("parameter").asText()).isEqualTo("q");
            assertThat(error.path("message").asText()).contains("NUL");
        }
        assertThat(getJson("/api/v1/organizations?q=acme", token).path("total").asInt()).isEqualTo(1);
    }

    @Test
    void aSearchTextLongerThanAnyNameIsABadRequest() throws Exception {
        HttpResponse<String> response = get("/api/v1/organizations?q=" + "a".repeat(201), token);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("details").path("parameter").asText()).isEqualTo("q");
        assertThat(json(response).path("error").path("message").asText()).contains("at most 200");
    }

    @Test
    void anEditWithANulOrALoneSurrogateIsABadRequestNamingTheFieldAndChangesNothing() throws Exception {
        for (String body : new String[] {"{\"title\":\"CEO\\u0000\"}", "{\"title\":\"CEO\\ud800\"}",
                "{\"title\":\"" + "x".repeat(10_001) + "\"}"}) {
            HttpResponse<String> response = send("PATCH", "/api/v1/contacts/" + contactId, token, body);

            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode error = json(response).path("error");
            assertThat(error.path("details").path("field").asText()).isEqualTo("title");
            assertThat(error.path("message").asText()).startsWith("title ");
        }
        assertThat(getJson("/api/v1/contacts/" + contactId, token).path("fields").path("title").path("value").asText())
                .isEqualTo("CTO");
    }

    @Test
    void anEditOfAFieldNamedWithANulIsABadRequest() throws Exception {
        HttpResponse<String> response = send("PATCH", "/api/v1/contacts/" + contactId, token, "{\"ti\\u0000tle\":\"CEO\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("message").asText()).contains("ti\\u0000tle").contains("cannot be edited");
    }

    @Test
    void anEditedCloseDateMustBeADateInTheYearsOneThousandToNineThousandNineHundredNinetyNine() throws Exception {
        call("POST", "/api/v1/ingest/hubspot", token, "{\"deals\":[{\"externalId\":\"d-1\",\"name\":\"Renewal\",\"closeDate\":\"2026-12-31\"}]}");
        String deal = getJson("/api/v1/external/hubspot/deal/d-1", token).path("id").asText();

        for (String closeDate : new String[] {"+294277-01-01", "0999-12-31", "next week"}) {
            HttpResponse<String> response = send("PATCH", "/api/v1/deals/" + deal, token, "{\"closeDate\":\"" + closeDate + "\"}");

            assertThat(response.statusCode()).as(closeDate).isEqualTo(400);
            assertThat(json(response).path("error").path("details").path("field").asText()).isEqualTo("closeDate");
        }
        JsonNode edited = call("PATCH", "/api/v1/deals/" + deal, token, "{\"closeDate\":\"2031-06-30\"}");
        assertThat(edited.path("fields").path("closeDate").path("value").asText()).isEqualTo("2031-06-30");
    }

    @Test
    void aValidEditStillWins() throws Exception {
        JsonNode edited = call("PATCH", "/api/v1/contacts/" + contactId, token, "{\"title\":\"CEO \\ud83d\\ude80\"}");

        assertThat(edited.path("fields").path("title").path("value").asText()).isEqualTo("CEO \uD83D\uDE80");
    }
}
