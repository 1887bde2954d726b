package dev.mosaic.salesforce.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.mosaic.salesforce.emulator.Http.V;
import static dev.mosaic.salesforce.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /__emulator/formulas}: an admin redefining a formula changes its values everywhere they are read
 * while no record's SystemModstamp moves, as in Salesforce, so sync tools polling on SystemModstamp go stale.
 */
class FormulaRedefinitionTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:30Z");
    private static final String OPPORTUNITY = "SELECT Id, ExpectedRevenue, SystemModstamp, LastModifiedDate FROM Opportunity"
            + " WHERE Amount != null AND Probability > 0 ORDER BY Id LIMIT 1";

    private static MutableClock clock;
    private static SalesforceEmulator emulator;
    private static Http http;
    private static String token;

    @BeforeAll
    static void start() {
        clock = new MutableClock(START);
        emulator = SalesforceEmulator.builder().seed(31).accounts(10).clock(clock).start();
        http = new Http(emulator.baseUrl());
        token = http.login(emulator.credentials());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aRedefinedFormulaChangesValuesEverywhereButNoStamp() {
        // Past every generated stamp, so the replication window below holds only what happens in this test.
        clock.advance(Duration.ofMinutes(5));
        Instant changedFrom = clock.instant();
        JsonNode before = json(http.get(V + "/query?q=" + Http.enc(OPPORTUNITY), token)).at("/records/0");
        String id = before.get("Id").asText();
        double original = before.get("ExpectedRevenue").asDouble();
        assertThat(original).isPositive();
        long apiCalls = emulator.apiCalls();

        HttpResponse<String> redefined = http.postJson("/__emulator/formulas", null,
                Map.of("object", "Opportunity", "field", "ExpectedRevenue", "factor", 0.5));

        assertThat(redefined.statusCode()).as(redefined.body()).isEqualTo(200);
        assertThat(json(redefined)).isEqualTo(json("{\"object\":\"Opportunity\",\"field\":\"ExpectedRevenue\",\"factor\":0.5}"));
        assertThat(emulator.apiCalls()).isEqualTo(apiCalls);
        // A record written after the change shows the replication window works; the formula's records stay out.
        String edited = json(http.get(V + "/query?q=" + Http.enc(
                "SELECT Id FROM Opportunity WHERE Id != '" + id + "' ORDER BY Id LIMIT 1"), token)).at("/records/0/Id").asText();
        assertThat(http.method("PATCH", V + "/sobjects/Opportunity/" + edited, token, Map.of("Description", "edited"))
                .statusCode()).isEqualTo(204);
        clock.advance(Duration.ofMinutes(2));

        JsonNode after = json(http.get(V + "/query?q=" + Http.enc(OPPORTUNITY), token)).at("/records/0");
        assertThat(after.get("Id").asText()).isEqualTo(id);
        assertThat(after.get("ExpectedRevenue").asDouble()).isCloseTo(original / 2, within(0.005));
        assertThat(after.get("SystemModstamp").asText()).isEqualTo(before.get("SystemModstamp").asText());
        assertThat(after.get("LastModifiedDate").asText()).isEqualTo(before.get("LastModifiedDate").asText());

        JsonNode retrieved = json(http.get(V + "/sobjects/Opportunity/" + id, token));
        assertThat(retrieved.get("ExpectedRevenue").asDouble()).isCloseTo(original / 2, within(0.005));
        assertThat(retrieved.get("SystemModstamp").asText()).isEqualTo(before.get("SystemModstamp").asText());

        assertThat(bulkExpectedRevenue(id)).isCloseTo(original / 2, within(0.005));

        String window = "?start=" + Http.enc(changedFrom.toString()) + "&end=" + Http.enc(clock.instant().toString());
        assertThat(ids(json(http.get(V + "/sobjects/Opportunity/updated/" + window, token)))).containsExactly(edited);

        HttpResponse<String> restored = http.postJson("/__emulator/formulas", null,
                Map.of("object", "Opportunity", "field", "ExpectedRevenue", "factor", 1));

        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        assertThat(json(http.get(V + "/sobjects/Opportunity/" + id, token)).get("ExpectedRevenue").asDouble())
                .isEqualTo(original);
    }

    @Test
    void theFormulaBelongsToOneOrgNotToEveryEmulatorInTheJvm() {
        try (SalesforceEmulator other = SalesforceEmulator.builder().seed(31).accounts(10).clock(new MutableClock(START)).start()) {
            Http otherHttp = new Http(other.baseUrl());
            String otherToken = otherHttp.login(other.credentials());
            double original = json(otherHttp.get(V + "/query?q=" + Http.enc(OPPORTUNITY), otherToken))
                    .at("/records/0/ExpectedRevenue").asDouble();

            Map<String, Object> summary = other.org().redefineFormula("opportunity", "expectedrevenue", 2);

            assertThat(summary).containsExactly(entry("object", "Opportunity"), entry("field", "ExpectedRevenue"),
                    entry("factor", 2.0));
            assertThat(json(otherHttp.get(V + "/query?q=" + Http.enc(OPPORTUNITY), otherToken))
                    .at("/records/0/ExpectedRevenue").asDouble()).isCloseTo(original * 2, within(0.005));
            assertThat(json(http.get(V + "/query?q=" + Http.enc(OPPORTUNITY), token))
                    .at("/records/0/ExpectedRevenue").asDouble()).isEqualTo(original);
        }
    }

    @Test
    void badRedefinitionsAreA400() {
        List<Map<String, Object>> bad = List.of(
                Map.of("object", "Nothing", "field", "ExpectedRevenue", "factor", 0.5),
                Map.of("object", "Opportunity", "field", "Nothing", "factor", 0.5),
                Map.of("object", "Opportunity", "field", "Amount", "factor", 0.5),
                Map.of("object", "Opportunity", "field", "ExpectedRevenue", "factor", 0),
                Map.of("object", "Opportunity", "field", "ExpectedRevenue", "factor", -2),
                Map.of("object", "Opportunity", "field", "ExpectedRevenue", "factor", "0.5"),
                Map.of("object", "Opportunity", "field", "ExpectedRevenue"),
                Map.of("field", "ExpectedRevenue", "factor", 0.5));

        for (Map<String, Object> body : bad) {
            HttpResponse<String> response = http.postJson("/__emulator/formulas", null, body);

            assertThat(response.statusCode()).as(body + " " + response.body()).isEqualTo(400);
            assertThat(json(response).get(0).get("errorCode").asText()).isEqualTo("INVALID_API_INPUT");
            assertThat(json(response).get(0).get("message").asText()).doesNotContain("java.lang");
        }
        assertThat(http.get("/__emulator/formulas").statusCode()).isEqualTo(405);
    }

    private static double bulkExpectedRevenue(String id) {
        HttpResponse<String> created = http.postJson(V + "/jobs/query", token, Map.of("operation", "query",
                "query", "SELECT Id, ExpectedRevenue FROM Opportunity WHERE Id = '" + id + "'"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String jobId = json(created).get("id").asText();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() ->
                json(http.get(V + "/jobs/query/" + jobId, token)).get("state").asText().equals("JobComplete"));
        String[] lines = http.get(V + "/jobs/query/" + jobId + "/results", token).body().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("\"Id\",\"ExpectedRevenue\"");
        assertThat(lines[1]).startsWith("\"" + id + "\",");
        return Double.parseDouble(lines[1].substring(lines[1].indexOf(',') + 1).replace("\"", ""));
    }

    private static List<String> ids(JsonNode updated) {
        List<String> ids = new ArrayList<>();
        updated.get("ids").forEach(i -> ids.add(i.asText()));
        return ids;
    }
}
