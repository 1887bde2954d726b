package dev.mosaic.salesforce.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.mosaic.salesforce.emulator.Http.V;
import static dev.mosaic.salesforce.emulator.Http.json;
import static dev.mosaic.salesforce.emulator.Http.params;
import static dev.mosaic.salesforce.emulator.TokenEndpointTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

class QueryTest {
    private static final int ACCOUNTS = 450;
    private static SalesforceEmulator emulator;
    private static Http http;
    private static String token;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.builder().seed(42).accounts(ACCOUNTS).password("pw-123").start();
        http = new Http(emulator.baseUrl());
        token = http.login(emulator.credentials());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void pagesFollowNextRecordsUrlWithTheRequestedBatchSize() {
        int total = count("SELECT COUNT() FROM Account");
        Set<String> ids = new HashSet<>();

        HttpResponse<String> first = http.send(http.request(V + "/query?q=" + Http.enc("SELECT Id, Name FROM Account"))
                .header("Authorization", "Bearer " + token).header("Sforce-Query-Options", "batchSize=200").build());
        JsonNode page = json(first);
        assertThat(fieldNames(page)).containsExactlyElementsOf(fieldNames(Http.golden("query-page.json")));
        assertThat(page.get("totalSize").asInt()).isEqualTo(total);
        assertThat(page.get("records").size()).isEqualTo(200);
        assertThat(page.get("nextRecordsUrl").asText()).matches("/services/data/v59\\.0/query/0r8[A-Za-z0-9]{15}-200");
        JsonNode record = page.get("records").get(0);
        assertThat(record.at("/attributes/type").asText()).isEqualTo("Account");
        assertThat(record.at("/attributes/url").asText()).startsWith("/services/data/v59.0/sobjects/Account/001");
        int pages = 1;
        page.get("records").forEach(r -> ids.add(r.get("Id").asText()));
        while (!page.get("done").asBoolean()) {
            page = json(http.get(page.get("nextRecordsUrl").asText(), token));
            page.get("records").forEach(r -> ids.add(r.get("Id").asText()));
            pages++;
        }

        assertThat(ids).hasSize(total);
        assertThat(pages).isEqualTo((total + 199) / 200);
        assertThat(page.has("nextRecordsUrl")).isFalse();
    }

    @Test
    void batchSizeOutsideTheRangeIsClampedAndDefaultIs2000() {
        HttpResponse<String> small = http.send(http.request(V + "/query?q=" + Http.enc("SELECT Id FROM Account"))
                .header("Authorization", "Bearer " + token).header("Sforce-Query-Options", "batchSize=5").build());
        HttpResponse<String> plain = http.get(V + "/query?q=" + Http.enc("SELECT Id FROM Account"), token);

        assertThat(json(small).get("records").size()).isEqualTo(200);
        assertThat(json(plain).get("records").size()).isEqualTo(Math.min(2000, count("SELECT COUNT() FROM Account")));
    }

    @Test
    void locatorsAreServedUnderQueryAndQueryAll() {
        JsonNode page = json(http.send(http.request(V + "/queryAll?q=" + Http.enc("SELECT Id FROM Account"))
                .header("Authorization", "Bearer " + token).header("Sforce-Query-Options", "batchSize=200").build()));
        String next = page.get("nextRecordsUrl").asText();
        String locator = next.substring(next.lastIndexOf('/') + 1);

        HttpResponse<String> viaQuery = http.get(V + "/query/" + locator, token);
        HttpResponse<String> viaQueryAll = http.get(V + "/queryAll/" + locator, token);

        assertThat(viaQuery.statusCode()).isEqualTo(200);
        assertThat(json(viaQueryAll)).isEqualTo(json(viaQuery));
    }

    @Test
    void compositeQuerySubrequestHonoursItsOwnBatchSizeHeader() {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("method", "GET");
        query.put("url", V + "/query?q=SELECT+Id+FROM+Account");
        query.put("referenceId", "Paged");
        query.put("httpHeaders", Map.of("Sforce-Query-Options", "batchSize=200"));

        JsonNode page = json(http.postJson(V + "/composite", token, Map.of("compositeRequest", List.of(query))))
                .at("/compositeResponse/0/body");

        assertThat(page.get("totalSize").asInt()).isGreaterThan(200);
        assertThat(page.get("records").size()).isEqualTo(200);
        assertThat(page.get("nextRecordsUrl").asText()).endsWith("-200");
    }

    @Test
    void unknownLocatorIsInvalidQueryLocator() {
        HttpResponse<String> response = http.get(V + "/query/0r8xx0000000000AAA-2000", token);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get(0).get("errorCode").asText()).isEqualTo("INVALID_QUERY_LOCATOR");
    }

    @Test
    void plusInTheQueryStringIsASpace() {
        HttpResponse<String> response = http.get(V + "/query?q=SELECT+Id+FROM+Account+LIMIT+3", token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("records").size()).isEqualTo(3);
    }

    @Test
    void countQueryHasTotalSizeAndNoRecords() {
        JsonNode body = json(http.get(V + "/query?q=" + Http.enc("SELECT COUNT() FROM Account"), token));

        assertThat(body.get("totalSize").asInt()).isGreaterThanOrEqualTo(ACCOUNTS - 10);
        assertThat(body.get("done").asBoolean()).isTrue();
        assertThat(body.get("records").size()).isZero();
    }

    @Test
    void queryAllAlsoReturnsDeletedRecords() {
        String id = json(http.postJson(V + "/sobjects/Account", token, java.util.Map.of("Name", "Soon Gone Ltd"))).get("id").asText();
        assertThat(http.method("DELETE", V + "/sobjects/Account/" + id, token, null).statusCode()).isEqualTo(204);
        String soql = "SELECT Id, IsDeleted FROM Account WHERE Id = '" + id + "'";

        JsonNode live = json(http.get(V + "/query?q=" + Http.enc(soql), token));
        JsonNode all = json(http.get(V + "/queryAll?q=" + Http.enc(soql), token));

        assertThat(live.get("totalSize").asInt()).isZero();
        assertThat(all.get("totalSize").asInt()).isEqualTo(1);
        assertThat(all.at("/records/0/IsDeleted").asBoolean()).isTrue();
    }

    @Test
    void malformedQueryIsAnErrorArrayWithoutFields() {
        HttpResponse<String> response = http.get(V + "/query?q=" + Http.enc("SELEKT Id FROM Account"), token);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).get(0);
        assertThat(error.get("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
        assertThat(error.has("message")).isTrue();
        assertThat(error.has("fields")).isFalse();
        assertThat(response.headers().firstValue("Sforce-Limit-Info")).isPresent();
    }

    @Test
    void restrictedUserCannotSeeHiddenFields() {
        String restricted = json(http.token(params("grant_type", "password", "client_id", emulator.credentials().clientId(),
                "client_secret", emulator.credentials().clientSecret(),
                "username", emulator.org().restrictedUser().username(), "password", "pw-123"))).get("access_token").asText();

        HttpResponse<String> asAdmin = http.get(V + "/query?q=" + Http.enc("SELECT Id, AnnualRevenue FROM Account LIMIT 1"), token);
        HttpResponse<String> asRestricted = http.get(V + "/query?q=" + Http.enc("SELECT Id, AnnualRevenue FROM Account LIMIT 1"), restricted);
        JsonNode describe = json(http.get(V + "/sobjects/Account/describe", restricted));

        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(asRestricted.statusCode()).isEqualTo(400);
        assertThat(json(asRestricted).get(0).get("errorCode").asText()).isEqualTo("INVALID_FIELD");
        Set<String> fields = new HashSet<>();
        describe.get("fields").forEach(f -> fields.add(f.get("name").asText()));
        assertThat(fields).contains("Name").doesNotContain("AnnualRevenue");
    }

    @Test
    void missingQueryParameterIsMalformed() {
        HttpResponse<String> response = http.get(V + "/query", token);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get(0).get("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
    }

    private static int count(String soql) {
        return json(http.get(V + "/query?q=" + Http.enc(soql), token)).get("totalSize").asInt();
    }
}
