package dev.mosaic.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.testing.MosaicIntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Near-duplicates without a shared key, over HTTP: scored, ranked, explained, and merged above a workspace's threshold. */
class ProbabilisticMatchingTest extends MosaicIntegrationTest {

    @Autowired
    private MatchingModels models;
    private TenantAdmin admin;
    private String token;

    @BeforeEach
    void freshTenant() {
        admin = newTenantAdmin();
        token = admin.token();
    }

    @Test
    void nearDuplicatesFillTheQueueWithTheirScoreAndEvidenceWhileASharedSwitchboardDoesNot() throws Exception {
        ingest("crm", "{\"contacts\":[{\"externalId\":\"c1\",\"firstName\":\"Jon\",\"lastName\":\"Smyth\",\"phone\":\"+1 503 555 0199\","
                + "\"address\":{\"city\":\"Portland\"}},{\"externalId\":\"c2\",\"firstName\":\"Alice\",\"lastName\":\"Wong\","
                + "\"email\":\"alice@initech.com\",\"phone\":\"+1 415 555 0100\"}]}");
        ingest("billing", "{\"contacts\":[{\"externalId\":\"b1\",\"firstName\":\"Jonathan\",\"lastName\":\"Smith\","
                + "\"email\":\"jsmith77@gmail.com\",\"phone\":\"(503) 555-0199\",\"address\":{\"city\":\"portland\"}},"
                + "{\"externalId\":\"b2\",\"firstName\":\"Peter\",\"lastName\":\"Gibbons\",\"email\":\"peter@initech.com\","
                + "\"phone\":\"415.555.0100\"}]}");

        JsonNode review = getJson("/api/v1/review", token);
        assertThat(review.path("total").asInt()).as("the switchboard pair is not worth a look").isEqualTo(1);
        JsonNode item = review.path("items").get(0);
        assertThat(item.path("score").asDouble()).isGreaterThan(0.97);
        assertThat(item.path("reason").asText()).startsWith("same phone").contains("first names go together (");
        assertThat(item.path("evidence").findValuesAsText("field")).containsExactlyInAnyOrder("firstName", "lastName", "phone",
                "address");
        assertThat(item.path("evidence").get(0).path("weight").asDouble()).isPositive();
        assertThat(List.of(item.path("a").path("id").asText(), item.path("b").path("id").asText()))
                .containsExactlyInAnyOrder(entity("crm", "c1"), entity("billing", "b1"));
        assertThat(entity("crm", "c1")).isNotEqualTo(entity("billing", "b1"));
    }

    @Test
    void theQueueRanksTruePairsFirst() throws Exception {
        Random random = new Random(7);
        String[] firsts = {"Robert", "William", "Katherine", "Jonathan", "Elizabeth", "Michael", "Margaret", "Thomas",
            "Patricia", "Richard", "Susan", "Joseph"};
        String[] nicks = {"Bob", "Bill", "Kate", "Jon", "Liz", "Mike", "Maggie", "Tom", "Pat", "Rick", "Sue", "Joe"};
        String[] lasts = {"Harrington", "Fitzgerald", "Okonkwo", "Lindqvist", "Castellano", "Abernathy", "Nakamura",
            "Delacroix", "Whitfield", "Brannigan", "Kowalczyk", "Rasmussen"};
        StringBuilder crm = new StringBuilder();
        StringBuilder billing = new StringBuilder();
        Set<Set<String>> truePairs = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            String birthdate = String.format("19%02d-%02d-%02d", 50 + random.nextInt(40), 1 + random.nextInt(12), 10 + random.nextInt(18));
            String last = lasts[i];
            String typo = last.substring(0, 3) + last.charAt(4) + last.charAt(3) + last.substring(5);
            crm.append(i == 0 ? "" : ",").append(person("c" + i, firsts[i], last, birthdate, "+1 206 555 01" + (10 + i)));
            billing.append(i == 0 ? "" : ",").append(person("b" + i, nicks[i], typo, birthdate, null));
            // A namesake: the same common name, born another day, elsewhere.
            billing.append(',').append(person("n" + i, firsts[i], last, "1999-0" + (1 + i % 9) + "-01", "+1 212 555 02" + (10 + i)));
            truePairs.add(Set.of("crm/c" + i, "billing/b" + i));
        }
        ingest("crm", "{\"contacts\":[" + crm + "]}");
        ingest("billing", "{\"contacts\":[" + billing + "]}");

        Map<String, String> refOfEntity = new java.util.HashMap<>();
        for (int i = 0; i < 12; i++) {
            refOfEntity.put(entity("crm", "c" + i), "crm/c" + i);
            refOfEntity.put(entity("billing", "b" + i), "billing/b" + i);
            refOfEntity.put(entity("billing", "n" + i), "billing/n" + i);
        }
        JsonNode items = getJson("/api/v1/review?limit=100", token).path("items");
        List<Boolean> ranked = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        items.forEach(item -> {
            ranked.add(truePairs.contains(Set.of(refOfEntity.get(item.path("a").path("id").asText()),
                    refOfEntity.get(item.path("b").path("id").asText()))));
            scores.add(item.path("score").asDouble());
        });
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(ranked).as("every true pair is in the queue").filteredOn(right -> right).hasSize(12);
        assertThat(ranked.subList(0, 12)).as("and they come first").containsOnly(true);
    }

    @Test
    void anAutomaticMergeAboveTheThresholdCanBeUndoneAndIsNotRedone() throws Exception {
        assertThat(getJson("/api/v1/settings/matching", token).path("autoMergeAbove").isNull()).isTrue();
        assertThat(send("PUT", "/api/v1/settings/matching", token, "{\"autoMergeAbove\":0.3}").statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/api/v1/settings/matching", newMemberToken(admin.tenantId()), "{\"autoMergeAbove\":0.97}")
                .statusCode()).isEqualTo(403);
        assertThat(call("PUT", "/api/v1/settings/matching", token, "{\"autoMergeAbove\":0.97}").path("autoMergeAbove")
                .asDouble()).isEqualTo(0.97);

        ingest("crm", "{\"contacts\":[" + person("c1", "William", "Fitzgerald", "1971-05-02", "+1 206 555 0111") + "]}");
        ingest("billing", "{\"contacts\":[" + person("b1", "Bill", "Fitzgerlad", "1971-05-02", "(206) 555-0111") + "]}");

        String merged = entity("crm", "c1");
        assertThat(entity("billing", "b1")).isEqualTo(merged);
        JsonNode merge = getJson("/api/v1/contacts/" + merged, token).path("merges").get(0);
        assertThat(merge.path("reason").asText()).startsWith("probabilistic, score 1.00, evidence: same birthdate; same phone");
        assertThat(getJson("/api/v1/review", token).path("total").asInt()).isZero();

        call("POST", "/api/v1/contacts/" + merged + "/unmerge", token, null);
        assertThat(entity("billing", "b1")).isNotEqualTo(entity("crm", "c1"));
        ingest("billing", "{\"contacts\":[" + person("b1", "Bill", "Fitzgerlad", "1971-05-02", "(206) 555-0111")
                .replace("}", ",\"mobilePhone\":\"+1 206 555 0999\"}") + "]}");
        assertThat(entity("billing", "b1")).as("a pair a person separated stays apart").isNotEqualTo(entity("crm", "c1"));
        assertThat(getJson("/api/v1/review", token).path("total").asInt()).as("nor is it suggested again").isZero();

        call("PUT", "/api/v1/settings/matching", token, "{\"autoMergeAbove\":null}");
        ingest("crm", "{\"contacts\":[" + person("c2", "Katherine", "Lindqvist", "1980-01-02", "+1 206 555 0122") + "]}");
        ingest("billing", "{\"contacts\":[" + person("b2", "Kate", "Lindqvist", "1980-01-02", null) + "]}");
        assertThat(entity("billing", "b2")).as("off: suggested, not merged").isNotEqualTo(entity("crm", "c2"));
        assertThat(getJson("/api/v1/review", token).path("total").asInt()).isEqualTo(1);

        call("PUT", "/api/v1/settings/matching", token, "{\"autoMergeAbove\":0.9}");
        assertThat(entity("billing", "b2")).as("a new threshold merges nothing by itself").isNotEqualTo(entity("crm", "c2"));
        JsonNode estimated = call("POST", "/api/v1/settings/matching/estimate", token, null).path("models").get(0);
        assertThat(estimated.path("suggestionsMerged").asInt()).as("the next estimate merges what it scores above it")
                .isEqualTo(1);
        assertThat(entity("billing", "b2")).isEqualTo(entity("crm", "c2"));
        assertThat(getJson("/api/v1/contacts/" + entity("crm", "c2"), token).path("merges").get(0).path("reason").asText())
                .startsWith("probabilistic, score ").contains("first names go together");
        assertThat(getJson("/api/v1/review", token).path("total").asInt()).isZero();
    }

    @Test
    void whereTheirSourcesSayTheyWorkTellsOnePersonFromANamesake() throws Exception {
        ingest("crm", "{\"organizations\":[{\"externalId\":\"acme\",\"name\":\"Acme\",\"domain\":\"acme-widgets.com\"}],"
                + "\"contacts\":[{\"externalId\":\"c1\",\"firstName\":\"Maria\",\"lastName\":\"Garcia\","
                + "\"organization\":\"acme\"}]}");
        ingest("billing", "{\"organizations\":[{\"externalId\":\"a\",\"name\":\"ACME Inc.\",\"domain\":\"acme-widgets.com\"},"
                + "{\"externalId\":\"g\",\"name\":\"Globex\",\"domain\":\"globex-corp.com\"}]}");
        ingest("billing", "{\"contacts\":[{\"externalId\":\"b1\",\"firstName\":\"Maria\",\"lastName\":\"Garcia\",\"organization\":\"a\"},"
                + "{\"externalId\":\"n1\",\"firstName\":\"Maria\",\"lastName\":\"Garcia\",\"organization\":\"g\"}]}");

        JsonNode items = getJson("/api/v1/review", token).path("items");
        Map<Set<String>, JsonNode> byPair = new java.util.HashMap<>();
        items.forEach(item -> byPair.put(Set.of(item.path("a").path("id").asText(), item.path("b").path("id").asText()), item));
        JsonNode sameEmployer = byPair.get(Set.of(entity("crm", "c1"), entity("billing", "b1")));
        JsonNode otherEmployer = byPair.get(Set.of(entity("crm", "c1"), entity("billing", "n1")));
        assertThat(sameEmployer.path("reason").asText()).contains("same organization");
        assertThat(otherEmployer.path("reason").asText()).contains("other companies");
        assertThat(sameEmployer.path("score").asDouble()).isGreaterThan(otherEmployer.path("score").asDouble() + 0.5);
        assertThat(items.get(0)).isEqualTo(sameEmployer);
    }

    @Test
    void aWorkspaceThatGrewIsEstimatedItsOwnModelInTheBackgroundAndItsSuggestionsRescored() throws Exception {
        Random random = new Random(11);
        StringBuilder batch = new StringBuilder();
        int sent = 0;
        for (int i = 0; i < MatchingModels.FIRST_ESTIMATE + 50; i++, sent++) {
            String birthdate = String.format("19%02d-%02d-%02d", 40 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
            batch.append(i == 0 ? "" : ",").append(person("p" + i, "Given" + Integer.toString(i, 36), "Family" + (i % 700),
                    birthdate, null));
            if (i % 25 == 0) {
                sent++;
                batch.append(',').append(person("d" + i, "Given" + Integer.toString(i, 36), "Family" + (i % 700), birthdate, null));
            }
        }
        ingest("crm", "{\"contacts\":[" + batch + "]}");
        assertThat(getJson("/api/v1/settings/matching", token).path("models")).as("the defaults score until then").isEmpty();

        models.estimateGrown();

        JsonNode estimated = getJson("/api/v1/settings/matching", token).path("models");
        assertThat(estimated).hasSize(1);
        assertThat(estimated.get(0).path("type").asText()).isEqualTo("contact");
        assertThat(estimated.get(0).path("records").asLong()).isEqualTo(sent);
        assertThat(estimated.get(0).path("pairsCompared").asInt()).isPositive();
        JsonNode top = getJson("/api/v1/review", token).path("items").get(0);
        assertThat(top.path("reason").asText()).contains("same birthdate", "same last name");
        models.estimateGrown();
        assertThat(getJson("/api/v1/settings/matching", token).path("models").get(0).path("estimatedAt"))
                .as("not again before more records arrive").isEqualTo(estimated.get(0).path("estimatedAt"));
    }

    private static String person(String id, String first, String last, String birthdate, String phone) {
        return "{\"externalId\":\"" + id + "\",\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\",\"birthdate\":\""
                + birthdate + "\"" + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + "}";
    }

    private JsonNode ingest(String source, String batch) throws Exception {
        return call("POST", "/api/v1/ingest/" + source, token, batch);
    }

    private String entity(String source, String externalId) throws Exception {
        return getJson("/api/v1/external/" + source + "/contact/" + externalId, token).path("id").asText();
    }
}
