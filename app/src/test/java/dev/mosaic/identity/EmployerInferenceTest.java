package dev.mosaic.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.testing.MosaicIntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A contact whose source does not name its employer finds it by its work email's domain, or its company's name. */
class EmployerInferenceTest extends MosaicIntegrationTest {

    private TenantAdmin admin;
    private String token;

    @BeforeEach
    void freshTenant() {
        admin = newTenantAdmin();
        token = admin.token();
    }

    @Test
    void contactsOfAHubSpotStyleCsvWorkAtTheOrganizationOfTheirEmailDomainWhichIsMadeForThem() throws Exception {
        HttpResponse<String> imported = importContacts("""
                First Name,Last Name,Email,Company Name
                Ada,Lovelace,ada@analytical-engines.com,Analytical Engines
                Charles,Babbage,charles@analytical-engines.com,Analytical Engines
                Mary,Somerville,mary@mail.analytical-engines.com,Analytical Engines
                Grace,Hopper,grace.hopper@gmail.com,Navy
                """);
        assertThat(imported.statusCode()).isEqualTo(200);

        JsonNode organizations = getJson("/api/v1/organizations", token);
        assertThat(organizations.path("items").findValuesAsText("name")).containsExactly("Analytical Engines");
        String organization = organizations.path("items").get(0).path("id").asText();
        JsonNode detail = getJson("/api/v1/organizations/" + organization, token);
        assertThat(detail.path("fields").path("domain").path("value").asText()).isEqualTo("analytical-engines.com");
        assertThat(people(detail)).containsExactlyInAnyOrder("Ada Lovelace", "Charles Babbage", "Mary Somerville");

        JsonNode ada = getJson("/api/v1/contacts/" + contactNamed("Ada"), token);
        JsonNode worksAt = ada.path("relations").get(0);
        assertThat(worksAt.path("kind").asText()).isEqualTo("works_at");
        assertThat(worksAt.path("id").asText()).isEqualTo(organization);
        assertThat(worksAt.path("attributes").path("inferred").asText()).isEqualTo("email domain");
        assertThat(worksAt.path("attributes").path("evidence").asText()).isEqualTo("email ada@analytical-engines.com");
        assertThat(getJson("/api/v1/contacts/" + contactNamed("Grace"), token).path("relations"))
                .as("free-mail names no employer").isEmpty();
    }

    @Test
    void aContactJoinsTheOrganizationThatHasItsDomainAndASourcesOwnLinkWins() throws Exception {
        ingest("crm", "{\"organizations\":[{\"externalId\":\"o1\",\"name\":\"Globex Corporation\","
                + "\"website\":\"https://www.globex.com\"},{\"externalId\":\"o2\",\"name\":\"Initech\"}]}");
        ingest("crm", "{\"contacts\":[{\"externalId\":\"c1\",\"firstName\":\"Hank\",\"lastName\":\"Scorpio\","
                + "\"email\":\"hank@globex.com\"},{\"externalId\":\"c2\",\"firstName\":\"Bill\",\"lastName\":\"Lumbergh\","
                + "\"email\":\"bill@globex.com\",\"organization\":\"o2\"}]}");

        assertThat(getJson("/api/v1/organizations", token).path("total").asInt()).as("no second Globex").isEqualTo(2);
        String globex = entity("crm", "organization", "o1");
        JsonNode hank = getJson("/api/v1/contacts/" + entity("crm", "contact", "c1"), token);
        assertThat(hank.path("relations").get(0).path("id").asText()).isEqualTo(globex);
        JsonNode bill = getJson("/api/v1/contacts/" + entity("crm", "contact", "c2"), token);
        assertThat(bill.path("relations")).hasSize(1);
        assertThat(bill.path("relations").get(0).path("id").asText()).isEqualTo(entity("crm", "organization", "o2"));
        assertThat(bill.path("relations").get(0).path("attributes").has("inferred")).isFalse();
        assertThat(people(getJson("/api/v1/organizations/" + globex, token))).containsExactly("Hank Scorpio");
    }

    @Test
    void aCompanyNameLinksToTheOneOrganizationOfThatNameAndToNoneWhenSeveralShareIt() throws Exception {
        ingest("crm", "{\"organizations\":[{\"externalId\":\"o1\",\"name\":\"Umbrella Corp\"},"
                + "{\"externalId\":\"o2\",\"name\":\"Initech\"},{\"externalId\":\"o3\",\"name\":\"Initech Inc.\","
                + "\"domain\":\"initech.example.org\"}]}");
        ingest("events", "{\"contacts\":[{\"externalId\":\"e1\",\"firstName\":\"Alice\",\"lastName\":\"Wong\","
                + "\"company\":\"UMBRELLA CORPORATION\"},{\"externalId\":\"e2\",\"firstName\":\"Peter\",\"lastName\":\"Gibbons\","
                + "\"company\":\"Initech\"}]}");

        JsonNode alice = getJson("/api/v1/contacts/" + entity("events", "contact", "e1"), token);
        assertThat(alice.path("relations").get(0).path("id").asText()).isEqualTo(entity("crm", "organization", "o1"));
        assertThat(alice.path("relations").get(0).path("attributes").path("inferred").asText()).isEqualTo("company name");
        String peter = entity("events", "contact", "e2");
        assertThat(getJson("/api/v1/contacts/" + peter, token).path("relations")).isEmpty();

        // Besides the two Initechs themselves, which may be one company.
        List<JsonNode> suggestions = new ArrayList<>();
        getJson("/api/v1/review", token).path("items").forEach(item -> {
            if (item.path("kind").asText().equals("works_at")) {
                suggestions.add(item);
            }
        });
        assertThat(suggestions).hasSize(2).allSatisfy(item -> {
            assertThat(item.path("reason").asText()).isEqualTo("may work there: company 'Initech', the name of 2 organizations");
            assertThat(item.path("a").path("id").asText()).isEqualTo(peter);
        });
        String initechInc = entity("crm", "organization", "o3");
        JsonNode accepted = suggestions.stream().filter(item -> item.path("b").path("id").asText().equals(initechInc))
                .findFirst().orElseThrow();
        assertThat(call("POST", "/api/v1/review/" + accepted.path("id").asText() + "/accept", token, null)
                .path("linked").asBoolean()).isTrue();
        JsonNode rejected = suggestions.get(suggestions.get(0) == accepted ? 1 : 0);
        call("POST", "/api/v1/review/" + rejected.path("id").asText() + "/reject", token, null);
        ingest("events", "{\"contacts\":[{\"externalId\":\"e2\",\"firstName\":\"Peter\",\"lastName\":\"Gibbons\","
                + "\"company\":\"Initech\",\"title\":\"Programmer\"}]}");

        JsonNode relations = getJson("/api/v1/contacts/" + peter, token).path("relations");
        assertThat(relations).as("the accepted link stays through the contact's next update").hasSize(1);
        assertThat(relations.get(0).path("id").asText()).isEqualTo(initechInc);
        assertThat(relations.get(0).path("attributes").path("evidence").asText()).endsWith("confirmed by " + admin.email());
        assertThat(getJson("/api/v1/review", token).path("items").findValuesAsText("kind")).containsExactly("merge");
    }

    @Test
    void anInferredLinkUndoneStaysUndoneWhileASourcesOwnLinkCanOnlyBeChangedThere() throws Exception {
        ingest("crm", "{\"contacts\":[{\"externalId\":\"c1\",\"firstName\":\"Ann\",\"lastName\":\"Perkins\","
                + "\"email\":\"ann@pawnee.com\"}],\"organizations\":[{\"externalId\":\"o1\",\"name\":\"Parks Dept\"}]}");
        String ann = entity("crm", "contact", "c1");
        String pawnee = getJson("/api/v1/contacts/" + ann, token).path("relations").get(0).path("id").asText();

        JsonNode undone = call("POST", "/api/v1/contacts/" + ann + "/unlink", token, "{\"organization\":\"" + pawnee + "\"}");
        assertThat(undone.path("linksRemoved").asInt()).isEqualTo(1);
        assertThat(undone.path("contact").path("relations")).isEmpty();
        ingest("crm", "{\"contacts\":[{\"externalId\":\"c1\",\"firstName\":\"Ann\",\"lastName\":\"Perkins\","
                + "\"email\":\"ann@pawnee.com\",\"title\":\"Nurse\"}]}");
        assertThat(getJson("/api/v1/contacts/" + ann, token).path("relations")).as("not inferred again").isEmpty();
        assertThat(send("POST", "/api/v1/contacts/" + ann + "/unlink", token, "{\"organization\":\"" + pawnee + "\"}")
                .statusCode()).isEqualTo(404);

        ingest("crm", "{\"contacts\":[{\"externalId\":\"c1\",\"firstName\":\"Ann\",\"lastName\":\"Perkins\","
                + "\"email\":\"ann@pawnee.com\",\"organization\":\"o1\"}]}");
        String parks = entity("crm", "organization", "o1");
        HttpResponse<String> refused = send("POST", "/api/v1/contacts/" + ann + "/unlink", token,
                "{\"organization\":\"" + parks + "\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("crm says so");
    }

    @Test
    void aSuggestedLinkAcceptedAndThenStatedByTheSourceItselfIsOneLink() throws Exception {
        ingest("crm", "{\"organizations\":[{\"externalId\":\"o1\",\"name\":\"Hooli\"},{\"externalId\":\"o2\","
                + "\"name\":\"Hooli Inc\",\"domain\":\"hooli.example.org\"}],\"contacts\":[{\"externalId\":\"c1\","
                + "\"firstName\":\"Gavin\",\"lastName\":\"Belson\",\"company\":\"Hooli\"}]}");
        String hooli = entity("crm", "organization", "o1");
        String accepted = null;
        for (JsonNode item : getJson("/api/v1/review", token).path("items")) {
            if (item.path("kind").asText().equals("works_at") && item.path("b").path("id").asText().equals(hooli)) {
                accepted = item.path("id").asText();
            }
        }
        call("POST", "/api/v1/review/" + accepted + "/accept", token, null);

        ingest("crm", "{\"contacts\":[{\"externalId\":\"c1\",\"firstName\":\"Gavin\",\"lastName\":\"Belson\","
                + "\"company\":\"Hooli\",\"organization\":\"o1\"}]}");

        JsonNode relations = getJson("/api/v1/contacts/" + entity("crm", "contact", "c1"), token).path("relations");
        assertThat(relations).hasSize(1);
        assertThat(relations.get(0).path("id").asText()).isEqualTo(hooli);
        assertThat(relations.get(0).path("attributes").has("inferred")).as("the source's own statement").isFalse();
    }

    private List<String> people(JsonNode organization) {
        List<String> people = new ArrayList<>();
        organization.path("relations").forEach(relation -> {
            if (relation.path("kind").asText().equals("works_at") && relation.path("direction").asText().equals("in")) {
                people.add(relation.path("name").asText());
            }
        });
        return people;
    }

    private String contactNamed(String firstName) throws Exception {
        return getJson("/api/v1/contacts?q=" + firstName, token).path("items").get(0).path("id").asText();
    }

    private HttpResponse<String> importContacts(String csv) throws Exception {
        return postCsv("/api/v1/imports?type=contacts&source=hubspot", token, csv);
    }

    private JsonNode ingest(String source, String batch) throws Exception {
        return call("POST", "/api/v1/ingest/" + source, token, batch);
    }

    private String entity(String source, String object, String externalId) throws Exception {
        return getJson("/api/v1/external/" + source + "/" + object + "/" + externalId, token).path("id").asText();
    }
}
