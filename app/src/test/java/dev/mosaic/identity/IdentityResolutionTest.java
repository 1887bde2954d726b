package dev.mosaic.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.testing.MosaicIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdentityResolutionTest extends MosaicIntegrationTest {

    private String token;

    @BeforeEach
    void freshTenant() {
        token = newTenantToken();
    }

    @Test
    void theSameEmailInAnotherCaseAndSourceIsOnePerson() throws Exception {
        ingest("crm-a", "{\"contacts\":[{\"externalId\":\"a1\",\"firstName\":\"Jane\",\"lastName\":\"Doe\",\"email\":\"Jane.Doe@Acme.com\",\"title\":\"CTO\"}]}");
        JsonNode summary = ingest("crm-b", "{\"contacts\":[{\"externalId\":\"b7\",\"firstName\":\"Jnae\",\"lastName\":\"Doe\",\"email\":\"jane.doe@acme.com\"}]}");

        assertThat(summary.path("merged").asInt()).isEqualTo(1);
        String id = entity("crm-a", "contact", "a1");
        assertThat(entity("crm-b", "contact", "b7")).isEqualTo(id);
        JsonNode contact = getJson("/api/v1/contacts/" + id, token);
        assertThat(contact.path("externalIds").findValuesAsText("system")).containsExactlyInAnyOrder("crm-a", "crm-b");
        JsonNode firstName = contact.path("fields").path("firstName");
        assertThat(firstName.path("alternatives")).hasSize(1);
        assertThat(contact.path("merges").get(0).path("reason").asText()).isEqualTo("same email jane.doe@acme.com");
        assertThat(contact.path("merges").get(0).path("mergedBy").asText()).isEqualTo("identity-resolution");
    }

    @Test
    void aRecordBackFromDeletionJoinsWhoeverTookItsEmailMeanwhileAndAnEditKeepingTheKeysChangesNothing() throws Exception {
        String jane = "{\"externalId\":\"a1\",\"firstName\":\"Jane\",\"lastName\":\"Doe\",\"email\":\"jane@acme.com\"";
        ingest("crm-a", "{\"contacts\":[" + jane + "}]}");
        ingest("crm-a", "{\"contacts\":[{\"externalId\":\"a1\",\"deleted\":true}]}");
        ingest("crm-b", "{\"contacts\":[{\"externalId\":\"b1\",\"firstName\":\"Jane\",\"lastName\":\"Doe\",\"email\":\"JANE@acme.com\"}]}");
        assertThat(entity("crm-b", "contact", "b1")).as("a deleted record matches nobody")
                .isNotEqualTo(entity("crm-a", "contact", "a1"));

        JsonNode back = ingest("crm-a", "{\"contacts\":[" + jane + ",\"deleted\":false,\"title\":\"CEO\"}]}");
        assertThat(back.path("merged").asInt()).isEqualTo(1);
        String id = entity("crm-a", "contact", "a1");
        assertThat(entity("crm-b", "contact", "b1")).isEqualTo(id);

        JsonNode edited = ingest("crm-b", "{\"contacts\":[{\"externalId\":\"b1\",\"firstName\":\"Jane\",\"lastName\":\"Doe\","
                + "\"email\":\"JANE@acme.com\",\"title\":\"Chief Executive\"}]}");
        assertThat(edited.path("merged").asInt()).isZero();
        assertThat(entity("crm-b", "contact", "b1")).isEqualTo(id);
        assertThat(getJson("/api/v1/contacts/" + id, token).path("merges")).hasSize(1);
    }

    @Test
    void aFreeMailAddressIsStillOneMailboxOnePerson() throws Exception {
        ingest("crm-a", "{\"contacts\":[{\"externalId\":\"a1\",\"firstName\":\"Sam\",\"lastName\":\"Roe\",\"email\":\"sam.roe@gmail.com\"}]}");
        ingest("crm-b", "{\"contacts\":[{\"externalId\":\"b1\",\"firstName\":\"Samuel\",\"lastName\":\"Roe\",\"email\":\"Sam.Roe@Gmail.com\"}]}");

        assertThat(entity("crm-a", "contact", "a1")).isEqualTo(entity("crm-b", "contact", "b1"));
    }

    @Test
    void theSameNameAloneDoesNotMergeButIsSuggestedForReview() throws Exception {
        ingest("crm-a", "{\"contacts\":[{\"externalId\":\"a1\",\"firstName\":\"John\",\"lastName\":\"Smith\",\"email\":\"john@acme.com\"}]}");
        ingest("crm-b", "{\"contacts\":[{\"externalId\":\"b1\",\"firstName\":\"John\",\"lastName\":\"Smith\",\"email\":\"jsmith@globex.com\"}]}");

        String a = entity("crm-a", "contact", "a1");
        String b = entity("crm-b", "contact", "b1");
        assertThat(a).isNotEqualTo(b);
        JsonNode review = getJson("/api/v1/review", token);
        assertThat(review.path("total").asInt()).isEqualTo(1);
        JsonNode suggestion = review.path("items").get(0);
        assertThat(suggestion.path("score").asDouble()).isBetween(0.1, 0.9);
        assertThat(suggestion.path("reason").asText())
                .isEqualTo("same last name; same first name; other emails; other company email domains");
        assertThat(suggestion.path("evidence").findValuesAsText("field"))
                .containsExactly("firstName", "lastName", "email", "organization");
        assertThat(suggestion.path("evidence").get(1).path("weight").asDouble()).isPositive();
        assertThat(suggestion.path("evidence").get(3).path("weight").asDouble()).isNegative();
        assertThat(suggestion.path("a").path("name").asText()).isEqualTo("John Smith");

        JsonNode accepted = call("POST", "/api/v1/review/" + suggestion.path("id").asText() + "/accept", token, null);

        assertThat(accepted.path("status").asText()).isEqualTo("accepted");
        assertThat(entity("crm-a", "contact", "a1")).isEqualTo(entity("crm-b", "contact", "b1"));
        assertThat(getJson("/api/v1/review", token).path("total").asInt()).isZero();
        assertThat(getJson("/api/v1/review?status=accepted", token).path("total").asInt()).isEqualTo(1);
    }

    @Test
    void aNameManyPeopleShareSuggestsNothingWhileARareOneStillDoes() throws Exception {
        StringBuilder contacts = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            contacts.append(i == 0 ? "" : ",").append("{\"externalId\":\"m").append(i)
                    .append("\",\"firstName\":\"Maria\",\"lastName\":\"Garcia\",\"email\":\"maria").append(i).append("@example").append(i)
                    .append(".com\"}");
        }
        contacts.append(",{\"externalId\":\"l1\",\"firstName\":\"Ana\",\"lastName\":\"Lopez\",\"email\":\"ana@one.com\"}")
                .append(",{\"externalId\":\"l2\",\"firstName\":\"Ana\",\"lastName\":\"Lopez\",\"email\":\"ana@two.com\"}");
        ingest("crm-a", "{\"contacts\":[" + contacts + "]}");

        JsonNode review = getJson("/api/v1/review", token);
        assertThat(review.path("items")).hasSize(1);
        assertThat(List.of(review.path("items").get(0).path("a").path("id").asText(),
                review.path("items").get(0).path("b").path("id").asText()))
                .containsExactlyInAnyOrder(entity("crm-a", "contact", "l1"), entity("crm-a", "contact", "l2"));
    }

    @Test
    void aRejectedSuggestionKeepsThemApartAndIsNotSuggestedAgain() throws Exception {
        ingest("crm-a", "{\"contacts\":[{\"externalId\":\"a1\",\"firstName\":\"Maria\",\"lastName\":\"Garcia\",\"email\":\"maria@one.example\"}]}");
        ingest("crm-b", "{\"contacts\":[{\"externalId\":\"b1\",\"firstName\":\"María\",\"lastName\":\"García\",\"email\":\"mg@two.example\"}]}");
        String reviewId = getJson("/api/v1/review", token).path("items").get(0).path("id").asText();

        call("POST", "/api/v1/review/" + reviewId + "/reject", token, null);
        ingest("crm-b", "{\"contacts\":[{\"externalId\":\"b1\",\"firstName\":\"María\",\"lastName\":\"García\",\"email\":\"mg@two.example\",\"title\":\"VP\"}]}");

        assertThat(entity("crm-a", "contact", "a1")).isNotEqualTo(entity("crm-b", "contact", "b1"));
        assertThat(getJson("/api/v1/review", token).path("total").asInt()).isZero();
        assertThat(send("POST", "/api/v1/review/" + reviewId + "/accept", token, null).statusCode()).isEqualTo(409);
    }

    @Test
    void organizationsWithTheSameRegistrableDomainAreOne() throws Exception {
        ingest("crm-a", "{\"organizations\":[{\"externalId\":\"a1\",\"name\":\"Acme\",\"website\":\"https://www.acme.co.uk/about\"}]}");
        ingest("crm-b", "{\"organizations\":[{\"externalId\":\"b1\",\"name\":\"ACME Ltd\",\"domain\":\"eu.acme.co.uk\"}]}");
        ingest("crm-c", "{\"organizations\":[{\"externalId\":\"c1\",\"name\":\"Acme UK\",\"domain\":\"ACME.CO.UK\"}]}");

        String id = entity("crm-a", "organization", "a1");
        assertThat(entity("crm-b", "organization", "b1")).isEqualTo(id);
        assertThat(entity("crm-c", "organization", "c1")).isEqualTo(id);
        assertThat(getJson("/api/v1/organizations", token).path("total").asInt()).isEqualTo(1);
    }

    @Test
    void aSharedFreeMailDomainSaysNothingAboutACompany() throws Exception {
        ingest("crm-a", "{\"organizations\":[{\"externalId\":\"a1\",\"name\":\"Joe's Plumbing\",\"domain\":\"gmail.com\"},"
                + "{\"externalId\":\"a2\",\"name\":\"Ann's Bakery\",\"website\":\"http://gmail.com\"}]}");

        assertThat(entity("crm-a", "organization", "a1")).isNotEqualTo(entity("crm-a", "organization", "a2"));
        assertThat(getJson("/api/v1/review", token).path("total").asInt()).isZero();
    }

    @Test
    void theSameOrganizationNameWithDifferentDomainsIsNeverMergedAndSuggestedOnlyWhenMoreAgrees() throws Exception {
        ingest("crm-a", "{\"organizations\":[{\"externalId\":\"a1\",\"name\":\"Delta Inc.\",\"domain\":\"delta.com\"}]}");
        ingest("crm-b", "{\"organizations\":[{\"externalId\":\"b1\",\"name\":\"Delta\",\"domain\":\"delta-faucets.com\"}]}");

        assertThat(entity("crm-a", "organization", "a1")).isNotEqualTo(entity("crm-b", "organization", "b1"));
        assertThat(getJson("/api/v1/review", token).path("total").asInt()).as("namesakes with their own domains").isZero();

        ingest("crm-a", "{\"organizations\":[{\"externalId\":\"a2\",\"name\":\"Orion Corp\",\"domain\":\"orion.com\","
                + "\"address\":{\"city\":\"Atlanta\"},\"industry\":\"Airlines\"}]}");
        ingest("crm-b", "{\"organizations\":[{\"externalId\":\"b2\",\"name\":\"Orion\",\"domain\":\"orion-air.com\","
                + "\"address\":{\"city\":\"Atlanta\"},\"industry\":\"Airlines\"}]}");
        JsonNode suggestion = getJson("/api/v1/review", token).path("items").get(0);
        assertThat(suggestion.path("reason").asText()).isEqualTo("same name (Orion ~ Orion Corp); same industry; same city; "
                + "other domains (orion-air.com ~ orion.com)");
        assertThat(entity("crm-a", "organization", "a2")).isNotEqualTo(entity("crm-b", "organization", "b2"));
    }

    @Test
    void thePhoneInAnotherFormatWithTheSameLastNameIsOnePerson() throws Exception {
        ingest("crm-a", "{\"contacts\":[{\"externalId\":\"a1\",\"firstName\":\"Li\",\"lastName\":\"Wei\",\"phone\":\"+1 415 555 0101\"}]}");
        ingest("crm-b", "{\"contacts\":[{\"externalId\":\"b1\",\"firstName\":\"Wei\",\"lastName\":\"Wei\",\"phone\":\"(415) 555-0101\"},"
                + "{\"externalId\":\"b2\",\"firstName\":\"Li\",\"lastName\":\"Chen\",\"phone\":\"415.555.0101\"}]}");

        assertThat(entity("crm-a", "contact", "a1")).isEqualTo(entity("crm-b", "contact", "b1"));
        assertThat(entity("crm-b", "contact", "b2")).isNotEqualTo(entity("crm-a", "contact", "a1"));
    }

    @Test
    void aSharedRoleMailboxDoesNotMergeDifferentPeopleNorSuggestThem() throws Exception {
        ingest("crm-a", "{\"contacts\":[{\"externalId\":\"a1\",\"firstName\":\"Kim\",\"lastName\":\"Park\",\"email\":\"info@smallco.example\"},"
                + "{\"externalId\":\"a2\",\"firstName\":\"Lee\",\"lastName\":\"Moss\",\"email\":\"INFO@smallco.example\"},"
                + "{\"externalId\":\"a3\",\"firstName\":\"Kim\",\"lastName\":\"Park\",\"email\":\"info@smallco.example\","
                + "\"title\":\"Owner\"}]}");

        assertThat(entity("crm-a", "contact", "a1")).isNotEqualTo(entity("crm-a", "contact", "a2"));
        JsonNode review = getJson("/api/v1/review", token);
        assertThat(review.path("total").asInt()).as("only the two Kim Parks may be one").isEqualTo(1);
        assertThat(review.path("items").get(0).path("reason").asText()).contains("same shared mailbox info@smallco.example");
    }

    @Test
    void unmergeRestoresBothEntitiesWithTheirFieldsLinksAndTimelineAndTheyStayApart() throws Exception {
        String a = "{\"organizations\":[{\"externalId\":\"oa\",\"name\":\"Initech\",\"domain\":\"initech.com\"}],"
                + "\"contacts\":[{\"externalId\":\"a1\",\"firstName\":\"Peter\",\"lastName\":\"Gibbons\",\"email\":\"peter@initech.com\",\"title\":\"Engineer\",\"organization\":\"oa\"}],"
                + "\"interactions\":[{\"externalId\":\"ia\",\"type\":\"call\",\"occurredAt\":\"2026-10-01T09:00:00Z\",\"subject\":\"TPS reports\",\"contacts\":[\"a1\"]}]}";
        String b = "{\"organizations\":[{\"externalId\":\"ob\",\"name\":\"Chotchkie's\",\"domain\":\"chotchkies.com\"}],"
                + "\"contacts\":[{\"externalId\":\"b1\",\"firstName\":\"Pete\",\"lastName\":\"Gibbons\",\"email\":\"Peter@Initech.com\",\"title\":\"Waiter\",\"organization\":\"ob\"}],"
                + "\"interactions\":[{\"externalId\":\"ib\",\"type\":\"meeting\",\"occurredAt\":\"2026-10-05T12:00:00Z\",\"subject\":\"Flair review\",\"contacts\":[\"b1\"]}]}";
        ingest("crm-a", a);
        ingest("crm-b", b);
        String survivor = entity("crm-a", "contact", "a1");
        assertThat(entity("crm-b", "contact", "b1")).isEqualTo(survivor);
        assertThat(timelineSummaries(survivor)).contains("Call: TPS reports", "Meeting: Flair review");

        JsonNode unmerged = call("POST", "/api/v1/contacts/" + survivor + "/unmerge", token, null);

        String restored = unmerged.path("restored").path("id").asText();
        assertThat(restored).isNotEqualTo(survivor);
        assertThat(entity("crm-a", "contact", "a1")).isEqualTo(survivor);
        assertThat(entity("crm-b", "contact", "b1")).isEqualTo(restored);
        JsonNode first = getJson("/api/v1/contacts/" + survivor, token);
        JsonNode second = getJson("/api/v1/contacts/" + restored, token);
        assertThat(first.path("fields").path("title").path("value").asText()).isEqualTo("Engineer");
        assertThat(first.path("fields").path("title").path("alternatives")).isEmpty();
        assertThat(second.path("fields").path("title").path("value").asText()).isEqualTo("Waiter");
        assertThat(first.path("relations").findValuesAsText("name")).contains("Initech").doesNotContain("Chotchkie's");
        assertThat(second.path("relations").findValuesAsText("name")).contains("Chotchkie's").doesNotContain("Initech");
        assertThat(timelineSummaries(survivor)).contains("Call: TPS reports").doesNotContain("Meeting: Flair review");
        assertThat(timelineSummaries(restored)).contains("Meeting: Flair review").doesNotContain("Call: TPS reports");
        assertThat(first.path("merges").get(0).path("unmergedBy").asText()).startsWith("admin@");
        assertThat(timelineKinds(survivor)).contains("merged", "unmerged").doesNotContain("field_changed");
        assertThat(timelineKinds(restored)).contains("unmerged").doesNotContain("field_changed");

        ingest("crm-b", b.replace("Waiter", "Head waiter"));
        assertThat(entity("crm-b", "contact", "b1")).isEqualTo(restored);
        HttpResponse<String> forced = send("POST", "/api/v1/contacts/" + survivor + "/merge", token,
                "{\"with\":\"" + restored + "\"}");
        assertThat(forced.statusCode()).isEqualTo(409);
    }

    @Test
    void aMergedIdStillOpensTheSurvivor() throws Exception {
        ingest("crm-a", "{\"contacts\":[{\"externalId\":\"a1\",\"lastName\":\"Old\",\"email\":\"x@old.example\"}]}");
        ingest("crm-b", "{\"contacts\":[{\"externalId\":\"b1\",\"lastName\":\"Old\",\"email\":\"y@old.example\"}]}");
        String a = entity("crm-a", "contact", "a1");
        String b = entity("crm-b", "contact", "b1");

        call("POST", "/api/v1/contacts/" + a + "/merge", token, "{\"with\":\"" + b + "\"}");

        assertThat(getJson("/api/v1/contacts/" + b, token).path("id").asText()).isEqualTo(a);
        assertThat(getJson("/api/v1/contacts", token).path("total").asInt()).isEqualTo(1);
    }

    private JsonNode ingest(String source, String batch) throws Exception {
        return call("POST", "/api/v1/ingest/" + source, token, batch);
    }

    private String entity(String source, String object, String externalId) throws Exception {
        return getJson("/api/v1/external/" + source + "/" + object + "/" + externalId, token).path("id").asText();
    }

    @Test
    void aSuggestionIsWithdrawnWhenItsTwoSidesBecomeOneAnotherWay() throws Exception {
        ingest("crm-a", "{\"contacts\":[{\"externalId\":\"a1\",\"firstName\":\"John\",\"lastName\":\"Smith\",\"email\":\"john@x-corp.com\"}]}");
        ingest("crm-b", "{\"contacts\":[{\"externalId\":\"b1\",\"firstName\":\"John\",\"lastName\":\"Smith\",\"email\":\"js@y-corp.com\"}]}");
        assertThat(getJson("/api/v1/review", token).path("total").asInt()).isEqualTo(1);

        ingest("crm-c", "{\"contacts\":[{\"externalId\":\"c1\",\"lastName\":\"Smith\",\"email\":\"john@x-corp.com\",\"secondaryEmail\":\"js@y-corp.com\"}]}");

        assertThat(entity("crm-a", "contact", "a1")).isEqualTo(entity("crm-b", "contact", "b1"));
        assertThat(getJson("/api/v1/review", token).path("total").asInt()).isZero();
    }

    @Test
    void websitesOnSharedPlatformsDoNotMergeCompanies() throws Exception {
        ingest("crm-a", "{\"organizations\":[{\"externalId\":\"a1\",\"name\":\"Acme\",\"website\":\"https://www.linkedin.com/company/acme\"},"
                + "{\"externalId\":\"a2\",\"name\":\"Globex\",\"website\":\"https://linkedin.com/company/globex\"}]}");

        assertThat(entity("crm-a", "organization", "a1")).isNotEqualTo(entity("crm-a", "organization", "a2"));
    }

    @Test
    void anOrganizationsTimelineShowsItsContactsInteractionsFromEverySource() throws Exception {
        ingest("crm-a", "{\"organizations\":[{\"externalId\":\"o1\",\"name\":\"Hooli\",\"domain\":\"hooli.com\"}],"
                + "\"contacts\":[{\"externalId\":\"c1\",\"lastName\":\"Belson\",\"email\":\"gavin@hooli.com\",\"organization\":\"o1\"}]}");
        ingest("crm-b", "{\"contacts\":[{\"externalId\":\"x1\",\"lastName\":\"Belson\",\"email\":\"Gavin@Hooli.com\"}],"
                + "\"interactions\":[{\"externalId\":\"i9\",\"type\":\"call\",\"occurredAt\":\"2026-10-01T09:00:00Z\",\"subject\":\"Nucleus\",\"contacts\":[\"x1\"]}]}");

        String org = entity("crm-a", "organization", "o1");
        assertThat(getJson("/api/v1/organizations/" + org + "/timeline", token).path("items").findValuesAsText("summary"))
                .contains("Call: Nucleus");
    }

    private java.util.List<String> timelineKinds(String id) throws Exception {
        return getJson("/api/v1/contacts/" + id + "/timeline", token).path("items").findValuesAsText("kind");
    }

    private java.util.List<String> timelineSummaries(String id) throws Exception {
        return getJson("/api/v1/contacts/" + id + "/timeline", token).path("items").findValuesAsText("summary");
    }
}
