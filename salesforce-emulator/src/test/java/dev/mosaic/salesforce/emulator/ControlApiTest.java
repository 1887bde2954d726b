package dev.mosaic.salesforce.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static dev.mosaic.salesforce.emulator.Http.V;
import static dev.mosaic.salesforce.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

class ControlApiTest {
    private static SalesforceEmulator emulator;
    private static Http http;
    private static String token;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.builder().seed(55).accounts(15).start();
        http = new Http(emulator.baseUrl());
        token = http.login(emulator.credentials());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void statsCountCallsPerEndpointAndRecordsPerObject() {
        JsonNode before = stats();
        http.get(V + "/query?q=" + Http.enc("SELECT Id FROM Account"), token);
        http.get(V + "/query?q=" + Http.enc("SELECT Id FROM Contact"), token);
        http.get(V + "/sobjects/", token);

        JsonNode after = stats();

        assertThat(after.at("/calls/query").asLong() - before.at("/calls/query").asLong()).isEqualTo(2);
        assertThat(after.at("/calls/sobjects").asLong() - before.at("/calls/sobjects").asLong()).isEqualTo(1);
        assertThat(after.at("/calls/oauth2~1token").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(after.get("apiCalls").asLong() - before.get("apiCalls").asLong()).isEqualTo(3);
        assertThat(after.at("/records/Account/live").asLong()).isGreaterThan(0);
        assertThat(after.at("/records/Account").has("deleted")).isTrue();
    }

    @Test
    void controlCallsNeedNoTokenAndAreNotCounted() {
        long before = emulator.apiCalls();
        stats();
        stats();

        assertThat(emulator.apiCalls()).isEqualTo(before);
    }

    @Test
    void mergeLeavesLosersDeletedWithTheirMaster() {
        JsonNode accounts = json(http.get(V + "/query?q=" + Http.enc("SELECT Id FROM Account ORDER BY Id LIMIT 3"), token)).get("records");
        String master = accounts.get(0).get("Id").asText();
        String loser = accounts.get(1).get("Id").asText();

        HttpResponse<String> merged = http.postJson("/__emulator/merge", null,
                Map.of("object", "Account", "masterId", master, "mergedIds", List.of(loser)));

        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        JsonNode row = json(http.get(V + "/queryAll?q=" + Http.enc(
                "SELECT Id, IsDeleted, MasterRecordId FROM Account WHERE Id = '" + loser + "'"), token)).at("/records/0");
        assertThat(row.get("IsDeleted").asBoolean()).isTrue();
        assertThat(row.get("MasterRecordId").asText()).isEqualTo(master);
    }

    @Test
    void mutateChangesTheOrg() {
        long liveBefore = totalLive(stats());

        HttpResponse<String> response = http.postJson("/__emulator/mutate", null,
                Map.of("seed", 5, "creates", 10, "updates", 5, "deletes", 3));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(totalLive(stats())).isNotEqualTo(liveBefore);
    }

    @Test
    void usersListTheAdminAndTheRestrictedUser() {
        JsonNode users = json(http.get("/__emulator/users"));

        assertThat(users).hasSize(2);
        assertThat(users.get(0).get("restricted").asBoolean()).isFalse();
        assertThat(users.get(1).get("restricted").asBoolean()).isTrue();
        assertThat(users.get(1).get("username").asText()).isEqualTo(emulator.org().restrictedUser().username());
    }

    @Test
    void badControlInputIsA400() {
        HttpResponse<String> merge = http.postJson("/__emulator/merge", null, Map.of("object", "Account"));
        HttpResponse<String> unknown = http.get("/__emulator/nothing");

        assertThat(merge.statusCode()).isEqualTo(400);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void numbersThatAreNotWholeOrOutOfRangeAreRefusedNotTruncated() {
        HttpResponse<String> text = http.postJson("/__emulator/faults", null, Map.of("kind", "SLOW", "times", "x"));
        HttpResponse<String> huge = http.postJson("/__emulator/faults", null, Map.of("kind", "SLOW", "times", 9_999_999_999L));
        HttpResponse<String> fraction = http.postJson("/__emulator/mutate", null, Map.of("creates", 1.5));
        HttpResponse<String> negative = http.postJson("/__emulator/mutate", null, Map.of("deletes", -1));

        for (HttpResponse<String> response : List.of(text, huge, fraction, negative)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get(0).get("message").asText()).contains("must be a whole number")
                    .doesNotContain("java.lang");
        }
        http.method("DELETE", "/__emulator/faults", null, null);
    }

    @Test
    void mutateIsBoundedAndAChangeTooLargeChangesNothing() {
        long before = stats().path("records").path("Account").path("live").asLong()
                + stats().path("records").path("Contact").path("live").asLong();
        HttpResponse<String> tooMany = http.postJson("/__emulator/mutate", null,
                Map.of("creates", 60_000, "updates", 30_000, "deletes", 20_000));

        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).get(0).get("message").asText()).contains("at most 100000").contains("110000");
        assertThat(stats().path("records").path("Account").path("live").asLong()
                + stats().path("records").path("Contact").path("live").asLong()).isEqualTo(before);
    }

    private static JsonNode stats() {
        HttpResponse<String> response = http.get("/__emulator/stats");
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response);
    }

    private static long totalLive(JsonNode stats) {
        long total = 0;
        var it = stats.get("records").elements();
        while (it.hasNext()) {
            total += it.next().get("live").asLong();
        }
        return total;
    }
}
