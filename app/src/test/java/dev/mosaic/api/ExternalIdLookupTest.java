package dev.mosaic.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.testing.MosaicIntegrationTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every external id Mosaic stores can be looked up: percent-encoded in the path (the request goes out
 * byte for byte, since java.net.http does not normalize paths), or as the {@code id} query parameter.
 */
class ExternalIdLookupTest extends MosaicIntegrationTest {

    private static final List<String> AWKWARD_IDS = List.of("team/42", "50%", "..", ".", "a;b", "back\\slash",
            "é x+y?#&=", "a//b", "%2F", "../../actuator", "v1.2", "plain");

    private String token;

    @BeforeEach
    void ingestAwkwardIds() throws Exception {
        token = newTenantToken();
        StringBuilder contacts = new StringBuilder("{\"contacts\":[");
        for (int i = 0; i < AWKWARD_IDS.size(); i++) {
            contacts.append(i == 0 ? "" : ",").append("{\"externalId\":").append(JSON.writeValueAsString(AWKWARD_IDS.get(i)))
                    .append(",\"lastName\":\"Person ").append(i).append("\"}");
        }
        JsonNode summary = call("POST", "/api/v1/ingest/hubspot", token, contacts.append("]}").toString());
        assertThat(summary.path("created").asInt()).isEqualTo(AWKWARD_IDS.size());
    }

    @Test
    void everyStoredIdResolvesPercentEncodedInThePath() throws Exception {
        for (String id : AWKWARD_IDS) {
            HttpResponse<String> response = get("/api/v1/external/hubspot/contact/" + percentEncoded(id), token);

            assertThat(response.statusCode()).as(id + ": " + response.body()).isEqualTo(200);
            assertThat(externalIdsOf(json(response))).as(id).containsExactly(id);
        }
    }

    @Test
    void everyStoredIdResolvesAsAQueryParameter() throws Exception {
        for (String id : AWKWARD_IDS) {
            HttpResponse<String> response = get("/api/v1/external/hubspot/contact?id="
                    + URLEncoder.encode(id, StandardCharsets.UTF_8), token);

            assertThat(response.statusCode()).as(id + ": " + response.body()).isEqualTo(200);
            JsonNode resolved = json(response);
            assertThat(resolved.path("type").asText()).isEqualTo("contact");
            assertThat(externalIdsOf(resolved)).as(id).containsExactly(id);
        }
    }

    @Test
    void bothFormsAgreeAndAnUnknownIdIsNotFound() throws Exception {
        String inPath = getJson("/api/v1/external/hubspot/contact/team%2F42", token).path("id").asText();
        String inQuery = getJson("/api/v1/external/hubspot/contact?id=team%2F42", token).path("id").asText();
        assertThat(inPath).isEqualTo(inQuery);

        assertThat(get("/api/v1/external/hubspot/contact/team%2F43", token).statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = get("/api/v1/external/hubspot/contact?id=team%2F43", token);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("error").path("message").asText()).contains("team/43");
    }

    @Test
    void aLookupWithoutAnIdOrWithANulIsABadRequestNamingTheParameter() throws Exception {
        HttpResponse<String> missing = get("/api/v1/external/hubspot/contact", token);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).path("error").path("details").path("parameter").asText()).isEqualTo("id");

        HttpResponse<String> nul = get("/api/v1/external/hubspot/contact?id=a%00b", token);
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(json(nul).path("error").path("details").path("parameter").asText()).isEqualTo("id");
        assertThat(json(nul).path("error").path("message").asText()).contains("NUL");
    }

    @Test
    void encodedSlashesDotsAndPercentsStayRefusedEverywhereElse() throws Exception {
        for (String path : List.of("/api/v1/contacts/a%2Fb", "/api/v1/contacts%2F..", "/api/v1/me%25",
                "/api/v1/external/hubspot/contact/%2E%2E/%2E%2E/%2E%2E/actuator/prometheus",
                "/api/v1/external/hub%2Fspot/contact/x", "/api/v1/external/hubspot/contact/a;b")) {
            HttpResponse<String> response = get(path, token);

            assertThat(response.statusCode()).as(path).isEqualTo(400);
        }
    }

    /** Encodes every byte but letters, digits, '-', '_' and '~': even '.', so ".." travels as %2E%2E. */
    private static String percentEncoded(String id) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    private List<String> externalIdsOf(JsonNode resolved) throws Exception {
        JsonNode contact = getJson("/api/v1/contacts/" + resolved.path("id").asText(), token);
        return contact.path("externalIds").findValuesAsText("id");
    }
}
