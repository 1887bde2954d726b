package dev.mosaic.salesforce.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.mosaic.salesforce.emulator.Http.V;
import static dev.mosaic.salesforce.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

class CompositeTest {
    private static SalesforceEmulator emulator;
    private static Http http;
    private static String token;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.builder().seed(33).accounts(10).start();
        http = new Http(emulator.baseUrl());
        token = http.login(emulator.credentials());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void laterSubrequestsUseEarlierResultsAndTheWholeCallCountsOnce() {
        long before = emulator.apiCalls();
        Map<String, Object> request = Map.of("allOrNone", false, "compositeRequest", List.of(
                sub("POST", V + "/sobjects/Account", "NewAccount", Map.of("Name", "Composite Co")),
                sub("POST", V + "/sobjects/Contact", "NewContact", Map.of("LastName", "Ref", "AccountId", "@{NewAccount.id}")),
                // References go into the URL raw, as Salesforce expects them.
                sub("GET", V + "/query?q=SELECT+Id,+AccountId+FROM+Contact+WHERE+AccountId+=+'@{NewAccount.id}'", "Found", null),
                sub("GET", V + "/sobjects/Contact/@{Found.records[0].Id}", "Fetched", null)));

        HttpResponse<String> response = http.postJson(V + "/composite", token, request);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(emulator.apiCalls()).isEqualTo(before + 1);
        JsonNode results = json(response).get("compositeResponse");
        assertThat(results).hasSize(4);
        JsonNode created = results.get(0);
        assertThat(TokenEndpointTest.fieldNames(created)).containsExactly("body", "httpHeaders", "httpStatusCode", "referenceId");
        assertThat(created.get("httpStatusCode").asInt()).isEqualTo(201);
        assertThat(created.at("/httpHeaders/Location").asText()).contains("/sobjects/Account/");
        String accountId = created.at("/body/id").asText();
        assertThat(results.get(1).get("httpStatusCode").asInt()).isEqualTo(201);
        assertThat(results.get(2).at("/body/totalSize").asInt()).isEqualTo(1);
        assertThat(results.get(3).at("/body/AccountId").asText()).isEqualTo(accountId);
    }

    @Test
    void allOrNoneRollsBackWhenOneSubrequestFails() {
        Map<String, Object> request = Map.of("allOrNone", true, "compositeRequest", List.of(
                sub("POST", V + "/sobjects/Account", "Good", Map.of("Name", "Rolled Back Inc")),
                sub("GET", V + "/sobjects/NoSuchObject/describe", "Bad", null)));

        JsonNode results = json(http.postJson(V + "/composite", token, request)).get("compositeResponse");

        assertThat(results.get(0).get("httpStatusCode").asInt()).isEqualTo(400);
        assertThat(results.get(0).at("/body/0/errorCode").asText()).isEqualTo("PROCESSING_HALTED");
        assertThat(results.get(1).get("httpStatusCode").asInt()).isEqualTo(404);
        JsonNode live = json(http.get(V + "/query?q=" + Http.enc("SELECT Id FROM Account WHERE Name = 'Rolled Back Inc'"), token));
        assertThat(live.get("totalSize").asInt()).isZero();
    }

    @Test
    void allOrNoneLeavesNoTraceOfCreatesUpdatesOrDeletes() {
        JsonNode accounts = json(http.get(V + "/query?q=" + Http.enc(
                "SELECT Id, Name, SystemModstamp FROM Account WHERE IsDeleted = false ORDER BY Id LIMIT 1"), token));
        JsonNode account = accounts.at("/records/0");
        String accountId = account.get("Id").asText();
        String contactId = json(http.get(V + "/query?q=" + Http.enc(
                "SELECT Id FROM Contact WHERE AccountId = '" + accountId + "' LIMIT 1"), token)).at("/records/0/Id").asText();
        JsonNode countsBefore = json(http.get("/__emulator/stats")).get("records");
        Map<String, Object> request = Map.of("allOrNone", true, "compositeRequest", List.of(
                sub("POST", V + "/sobjects/Account", "NewAccount", Map.of("Name", "Atomic Trace Co")),
                sub("POST", V + "/sobjects/Contact", "NewContact",
                        Map.of("LastName", "AtomicTrace", "AccountId", "@{NewAccount.id}")),
                sub("PATCH", V + "/sobjects/Account/" + accountId, "Renamed", Map.of("Name", "Renamed In Vain")),
                sub("DELETE", V + "/sobjects/Contact/" + contactId, "Removed", null),
                sub("PATCH", V + "/sobjects/Account/" + accountId, "Bad", Map.of("NoSuchField__c", 1))));

        JsonNode results = json(http.postJson(V + "/composite", token, request)).get("compositeResponse");

        for (int i = 0; i < 4; i++) {
            assertThat(results.get(i).at("/body/0/errorCode").asText()).isEqualTo("PROCESSING_HALTED");
        }
        assertThat(results.get(4).get("httpStatusCode").asInt()).isEqualTo(400);
        JsonNode traces = json(http.get(V + "/queryAll?q=" + Http.enc(
                "SELECT Id FROM Account WHERE Name IN ('Atomic Trace Co', 'Renamed In Vain')"), token));
        assertThat(traces.get("totalSize").asInt()).isZero();
        assertThat(json(http.get(V + "/queryAll?q=" + Http.enc(
                "SELECT Id FROM Contact WHERE LastName = 'AtomicTrace'"), token)).get("totalSize").asInt()).isZero();
        JsonNode after = json(http.get(V + "/sobjects/Account/" + accountId, token));
        assertThat(after.get("Name").asText()).isEqualTo(account.get("Name").asText());
        assertThat(after.get("SystemModstamp").asText()).isEqualTo(account.get("SystemModstamp").asText());
        assertThat(http.get(V + "/sobjects/Contact/" + contactId, token).statusCode()).isEqualTo(200);
        assertThat(json(http.get("/__emulator/stats")).get("records")).isEqualTo(countsBefore);
    }

    @Test
    void withoutAllOrNoneTheSuccessfulSubrequestsStay() {
        String accountId = json(http.get(V + "/query?q=" + Http.enc(
                "SELECT Id FROM Account WHERE IsDeleted = false ORDER BY Id DESC LIMIT 1"), token)).at("/records/0/Id").asText();
        Map<String, Object> request = Map.of("allOrNone", false, "compositeRequest", List.of(
                sub("POST", V + "/sobjects/Account", "NewAccount", Map.of("Name", "Partial Stays Co")),
                sub("PATCH", V + "/sobjects/Account/" + accountId, "Renamed", Map.of("Name", "Partially Renamed")),
                sub("PATCH", V + "/sobjects/Account/" + accountId, "Bad", Map.of("NoSuchField__c", 1))));

        JsonNode results = json(http.postJson(V + "/composite", token, request)).get("compositeResponse");

        assertThat(results.get(0).get("httpStatusCode").asInt()).isEqualTo(201);
        assertThat(results.get(1).get("httpStatusCode").asInt()).isEqualTo(204);
        assertThat(results.get(2).get("httpStatusCode").asInt()).isEqualTo(400);
        assertThat(json(http.get(V + "/query?q=" + Http.enc(
                "SELECT Id FROM Account WHERE Name = 'Partial Stays Co'"), token)).get("totalSize").asInt()).isEqualTo(1);
        assertThat(json(http.get(V + "/sobjects/Account/" + accountId, token)).get("Name").asText())
                .isEqualTo("Partially Renamed");
    }

    @Test
    void aSubrequestForAnUnsupportedApiVersionIsNotFoundAsAtTheTopLevel() {
        Map<String, Object> request = Map.of("compositeRequest", List.of(
                sub("GET", "/services/data/v99.0/limits", "Future", null)));

        JsonNode results = json(http.postJson(V + "/composite", token, request)).get("compositeResponse");

        assertThat(results.get(0).get("httpStatusCode").asInt()).isEqualTo(404);
        assertThat(http.get("/services/data/v99.0/limits", token).statusCode()).isEqualTo(404);
    }

    @Test
    void referenceToAFailedSubrequestIsReportedNotThrown() {
        Map<String, Object> request = Map.of("compositeRequest", List.of(
                sub("GET", V + "/sobjects/Account/001000000000000AAA", "Missing", null),
                sub("GET", V + "/sobjects/Account/@{Missing.Id}", "Dependent", null)));

        JsonNode results = json(http.postJson(V + "/composite", token, request)).get("compositeResponse");

        assertThat(results.get(1).get("httpStatusCode").asInt()).isEqualTo(400);
        assertThat(results.get(1).at("/body/0/errorCode").asText()).isEqualTo("PROCESSING_HALTED");
    }

    @Test
    void moreThan25SubrequestsOrFiveQueriesAreRefused() {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            many.add(sub("GET", V + "/limits", "r" + i, null));
        }
        List<Map<String, Object>> queries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            queries.add(sub("GET", V + "/query?q=" + Http.enc("SELECT Id FROM Account LIMIT 1"), "q" + i, null));
        }

        HttpResponse<String> tooMany = http.postJson(V + "/composite", token, Map.of("compositeRequest", many));
        HttpResponse<String> tooManyQueries = http.postJson(V + "/composite", token, Map.of("compositeRequest", queries));

        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(json(tooMany).get(0).has("errorCode")).isTrue();
        assertThat(tooManyQueries.statusCode()).isEqualTo(400);
    }

    @Test
    void batchCountsEachSubrequestAndHaltsOnError() {
        long before = emulator.apiCalls();
        Map<String, Object> request = Map.of("haltOnError", true, "batchRequests", List.of(
                Map.of("method", "GET", "url", "v59.0/sobjects/Account/describe"),
                Map.of("method", "POST", "url", "v59.0/sobjects/Account", "richInput", Map.of("Name", "Batch Co")),
                Map.of("method", "GET", "url", "v59.0/sobjects/Nope__c/describe"),
                Map.of("method", "GET", "url", "v59.0/limits")));

        HttpResponse<String> response = http.postJson(V + "/composite/batch", token, request);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(TokenEndpointTest.fieldNames(body)).containsExactly("hasErrors", "results");
        assertThat(body.get("hasErrors").asBoolean()).isTrue();
        JsonNode results = body.get("results");
        assertThat(results.get(0).get("statusCode").asInt()).isEqualTo(200);
        assertThat(results.get(1).get("statusCode").asInt()).isEqualTo(201);
        assertThat(results.get(1).at("/result/success").asBoolean()).isTrue();
        assertThat(results.get(2).get("statusCode").asInt()).isEqualTo(404);
        assertThat(results.get(3).get("statusCode").asInt()).isEqualTo(412);
        assertThat(results.get(3).at("/result/0/errorCode").asText()).isEqualTo("BATCH_PROCESSING_HALTED");
        assertThat(emulator.apiCalls()).isEqualTo(before + 3);
    }

    private static Map<String, Object> sub(String method, String url, String referenceId, Object body) {
        Map<String, Object> sub = new java.util.LinkedHashMap<>();
        sub.put("method", method);
        sub.put("url", url);
        sub.put("referenceId", referenceId);
        if (body != null) {
            sub.put("body", body);
        }
        return sub;
    }
}
