package dev.mosaic.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.testing.MosaicIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contacts carry an address and a birthdate, organizations an address and an industry: evidence of who is who. */
class EvidenceFieldsTest extends MosaicIntegrationTest {

    private String token;

    @BeforeEach
    void freshTenant() {
        token = newTenantToken();
    }

    @Test
    void anAddressIsKeptWholeWithABirthdateAndABadPartIsRefusedByName() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/ingest/billing", token, """
                {"contacts":[{"externalId":"c-1","firstName":"Jane","lastName":"Doe","birthdate":"1984-02-29",
                              "address":{"street":" 1 Main St ","city":"Springfield","postalCode":"62701","state":"IL",
                                         "country":"US"}},
                             {"externalId":"c-2","lastName":"Roe","address":{"zip":"62701"}},
                             {"externalId":"c-3","lastName":"Poe","address":"1 Main St"},
                             {"externalId":"c-4","lastName":"Moe","birthdate":"29/02/1984"}],
                 "organizations":[{"externalId":"o-1","name":"Acme","industry":"Machinery",
                                   "address":{"city":"Berlin","country":"DE"}}]}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode rejected = json(response).path("error").path("details").path("rejected");
        assertThat(rejected.findValuesAsText("field")).containsExactly("address.zip", "address", "birthdate");
        JsonNode jane = getJson("/api/v1/contacts/" + entity("contact", "c-1"), token).path("fields");
        assertThat(jane.path("address").path("value")).isEqualTo(JSON.readTree("""
                {"street":"1 Main St","city":"Springfield","postalCode":"62701","state":"IL","country":"US"}"""));
        assertThat(jane.path("birthdate").path("value").asText()).isEqualTo("1984-02-29");
        JsonNode acme = getJson("/api/v1/organizations/" + entity("organization", "o-1"), token).path("fields");
        assertThat(acme.path("address").path("value")).isEqualTo(JSON.readTree("{\"city\":\"Berlin\",\"country\":\"DE\"}"));
        assertThat(acme.path("industry").path("value").asText()).isEqualTo("Machinery");
    }

    @Test
    void aNewerAddressFromAnotherSourceReplacesTheWholeAddress() throws Exception {
        call("POST", "/api/v1/ingest/billing", token, "{\"contacts\":[{\"externalId\":\"c-1\",\"email\":\"jo@acme.example\","
                + "\"updatedAt\":\"2026-01-01T00:00:00Z\",\"address\":{\"street\":\"1 Old Rd\",\"city\":\"Leeds\"}}]}");
        call("POST", "/api/v1/ingest/crm", token, "{\"contacts\":[{\"externalId\":\"x-9\",\"email\":\"JO@acme.example\","
                + "\"updatedAt\":\"2026-02-01T00:00:00Z\",\"address\":{\"city\":\"York\"}}]}");

        JsonNode address = getJson("/api/v1/contacts/" + entity("contact", "c-1"), token).path("fields").path("address");
        assertThat(address.path("value")).as("no street of Leeds with the city of York")
                .isEqualTo(JSON.readTree("{\"city\":\"York\"}"));
        assertThat(address.path("alternatives").get(0).path("value").path("street").asText()).isEqualTo("1 Old Rd");
    }

    @Test
    void aCsvsAddressColumnsMakeOneAddressAndItsBirthdayColumnABirthdate() throws Exception {
        HttpResponse<String> imported = postCsv("/api/v1/imports?type=contacts&source=events", token, """
                Email,First Name,Last Name,Street Address,City,Zip Code,Country,Date of Birth
                ann@lee.example,Ann,Lee,5 High St,Bath,BA1 1AA,UK,1990-07-14
                bo@lee.example,Bo,Lee,,,,,
                """);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(JSON.convertValue(json(imported).path("mapping"), java.util.Map.class)).containsEntry("Street Address", "street")
                .containsEntry("Zip Code", "postalCode").containsEntry("Date of Birth", "birthdate");
        JsonNode ann = getJson("/api/v1/contacts/" + entity("events", "contact", "email:ann@lee.example"), token)
                .path("fields");
        assertThat(ann.path("address").path("value")).isEqualTo(JSON.readTree("""
                {"street":"5 High St","city":"Bath","postalCode":"BA1 1AA","country":"UK"}"""));
        assertThat(ann.path("birthdate").path("value").asText()).isEqualTo("1990-07-14");
        JsonNode bo = getJson("/api/v1/contacts/" + entity("events", "contact", "email:bo@lee.example"), token)
                .path("fields");
        assertThat(bo.has("address")).isFalse();
    }

    private String entity(String object, String externalId) throws Exception {
        return entity("billing", object, externalId);
    }

    private String entity(String source, String object, String externalId) throws Exception {
        return getJson("/api/v1/external/" + source + "/" + object + "?id=" + externalId, token).path("id").asText();
    }
}
