package dev.mosaic.salesforce.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.mosaic.salesforce.emulator.Http.V;
import static dev.mosaic.salesforce.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

class SObjectsTest {
    private static MutableClock clock;
    private static SalesforceEmulator emulator;
    private static Http http;
    private static String token;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.parse("2026-03-01T10:00:30Z"));
        emulator = SalesforceEmulator.builder().seed(21).accounts(20).clock(clock).start();
        http = new Http(emulator.baseUrl());
        token = http.login(emulator.credentials());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void globalDescribeListsTheCrmObjects() {
        JsonNode body = json(http.get(V + "/sobjects/", token));

        assertThat(body.get("encoding").asText()).isEqualTo("UTF-8");
        assertThat(body.get("maxBatchSize").asInt()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        body.get("sobjects").forEach(o -> names.add(o.get("name").asText()));
        assertThat(names).contains("Account", "Contact", "Lead", "Opportunity", "Task", "Event", "User");
    }

    @Test
    void objectBasicInfoAndDescribe() {
        JsonNode basic = json(http.get(V + "/sobjects/Account/", token));
        JsonNode describe = json(http.get(V + "/sobjects/Contact/describe", token));
        HttpResponse<String> unknown = http.get(V + "/sobjects/Nope__c/describe", token);

        assertThat(basic.at("/objectDescribe/name").asText()).isEqualTo("Account");
        assertThat(basic.has("recentItems")).isTrue();
        assertThat(describe.get("name").asText()).isEqualTo("Contact");
        assertThat(describe.get("fields").size()).isGreaterThan(10);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void createReadUpdateDeleteARecord() {
        HttpResponse<String> created = http.postJson(V + "/sobjects/Account", token,
                Map.of("Name", "Emulated Widgets", "Industry", "Technology"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json(created);
        assertThat(TokenEndpointTest.fieldNames(body)).containsExactly("id", "success", "errors");
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("errors").size()).isZero();
        String id = body.get("id").asText();
        assertThat(id).startsWith("001").hasSize(18);

        JsonNode read = json(http.get(V + "/sobjects/Account/" + id, token));
        assertThat(read.get("Name").asText()).isEqualTo("Emulated Widgets");
        JsonNode some = json(http.get(V + "/sobjects/Account/" + id + "?fields=Name,Industry", token));
        assertThat(some.get("Industry").asText()).isEqualTo("Technology");

        HttpResponse<String> patched = http.method("PATCH", V + "/sobjects/Account/" + id, token, Map.of("Name", "Renamed Widgets"));
        assertThat(patched.statusCode()).isEqualTo(204);
        assertThat(patched.body()).isEmpty();
        assertThat(json(http.get(V + "/sobjects/Account/" + id, token)).get("Name").asText()).isEqualTo("Renamed Widgets");

        HttpResponse<String> deleted = http.method("DELETE", V + "/sobjects/Account/" + id, token, null);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(http.get(V + "/sobjects/Account/" + id, token).statusCode()).isEqualTo(404);
    }

    @Test
    void updatedAndDeletedReplicationCallsCoverWholeMinutesUpToNow() {
        Instant start = clock.instant().minus(1, ChronoUnit.DAYS);
        String changed = json(http.postJson(V + "/sobjects/Contact", token, Map.of("LastName", "Replica"))).get("id").asText();
        String removed = json(http.postJson(V + "/sobjects/Contact", token, Map.of("LastName", "Removed"))).get("id").asText();
        http.method("DELETE", V + "/sobjects/Contact/" + removed, token, null);
        String window = "?start=" + Http.enc(start.toString()) + "&end=" + Http.enc(clock.instant().plus(1, ChronoUnit.HOURS).toString());

        // Salesforce covers whole minutes up to now: changes made in the current minute show up a minute later.
        List<String> sameMinute = ids(json(http.get(V + "/sobjects/Contact/updated/" + window, token)));
        clock.advance(java.time.Duration.ofMinutes(2));
        JsonNode updated = json(http.get(V + "/sobjects/Contact/updated/" + window, token));
        JsonNode deleted = json(http.get(V + "/sobjects/Contact/deleted/" + window, token));

        assertThat(sameMinute).doesNotContain(changed);
        assertThat(ids(updated)).contains(changed).doesNotContain(removed);
        assertThat(updated.get("latestDateCovered").asText()).endsWith(":00.000+0000");
        List<String> deletedIds = new ArrayList<>();
        deleted.get("deletedRecords").forEach(r -> deletedIds.add(r.get("id").asText()));
        assertThat(deletedIds).contains(removed);
        assertThat(deleted.has("earliestDateAvailable")).isTrue();
    }

    private static List<String> ids(JsonNode updated) {
        List<String> ids = new ArrayList<>();
        updated.get("ids").forEach(i -> ids.add(i.asText()));
        return ids;
    }

    @Test
    void replicationDatesOutsideSalesforcesRangeAreInvalidNotA500() {
        HttpResponse<String> farFuture = http.get(V + "/sobjects/Account/updated/?start=%2B999999999-01-01T00:00:00Z"
                + "&end=%2B999999999-11-28T00:00:00Z", token);
        HttpResponse<String> tooEarly = http.get(V + "/sobjects/Account/deleted/?start=1699-12-31T00:00:00Z"
                + "&end=2026-03-01T00:00:00Z", token);

        assertThat(farFuture.statusCode()).isEqualTo(400);
        assertThat(json(farFuture).get(0).get("errorCode").asText()).isEqualTo("INVALID_REPLICATION_DATE");
        assertThat(tooEarly.statusCode()).isEqualTo(400);
        assertThat(json(tooEarly).get(0).get("errorCode").asText()).isEqualTo("INVALID_REPLICATION_DATE");
    }

    @Test
    void replicationNeedsAStartDate() {
        HttpResponse<String> response = http.get(V + "/sobjects/Contact/updated/?end=2026-01-01T00:00:00Z", token);

        assertThat(response.statusCode()).isEqualTo(400);
    }
}
