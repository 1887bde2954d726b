package dev.mosaic.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.testing.MosaicIntegrationTest;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v1/ingest/{source} as a hostile client uses it: each bad item sits between two good ones, and
 * must come back as a 400 naming its index and field while both good items are saved and resolvable.
 * JSON escapes are written as {@code \\u0000} here, so the body carries the six characters of the escape.
 */
class HostileInputTest extends MosaicIntegrationTest {

    private static final ObjectMapper EXACT_NUMBERS = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private String token;

    @BeforeEach
    void freshTenant() {
        token = newTenantToken();
    }

    @Test
    void aNulCharacterInAValueRefusesOnlyItsItem() throws Exception {
        assertRefusedAlone("contacts", "{\"externalId\":\"bad\",\"firstName\":\"Jo\",\"lastName\":\"Do\\u0000e\"}",
                "lastName", "NUL");
        assertRefusedAlone("contacts", "{\"externalId\":\"bad\",\"lastName\":\"Doe\",\"nickname\":\"\\u0000\"}",
                "nickname", "NUL");
        assertRefusedAlone("contacts", "{\"externalId\":\"bad\",\"lastName\":\"Doe\",\"title\":\"CTO\\u0000\"}",
                "title", "NUL");
    }

    @Test
    void aNulCharacterInAFieldNameRefusesOnlyItsItem() throws Exception {
        assertRefusedAlone("contacts", "{\"externalId\":\"bad\",\"lastName\":\"Doe\",\"nick\\u0000name\":\"Jo\"}",
                "nick\\u0000name", "NUL");
    }

    @Test
    void aNulCharacterInAnExternalIdRefusesOnlyItsItem() throws Exception {
        JsonNode rejection = assertRefusedAlone("contacts", "{\"externalId\":\"bad\\u0000id\",\"lastName\":\"Doe\"}",
                "externalId", "NUL");
        assertThat(rejection.path("externalId").asText()).isEqualTo("bad\u0000id");
    }

    @Test
    void aNulCharacterInAReferenceRefusesOnlyItsItem() throws Exception {
        assertRefusedAlone("contacts", "{\"externalId\":\"bad\",\"lastName\":\"Doe\",\"organization\":\"o\\u0000\"}",
                "organization", "NUL");
        assertRefusedAlone("deals", "{\"externalId\":\"bad\",\"name\":\"Deal\",\"contacts\":[\"c-1\",\"c\\u0000\"]}",
                "contacts", "NUL");
        assertRefusedAlone("deals", "{\"externalId\":\"bad\",\"name\":\"Deal\",\"contacts\":[{\"externalId\":\"c-1\",\"role\":\"bo\\u0000ss\"}]}",
                "contacts", "NUL");
    }

    @Test
    void aLoneSurrogateIsRefusedWhereverItAppears() throws Exception {
        assertRefusedAlone("contacts", "{\"externalId\":\"bad\",\"lastName\":\"\\ud800\"}", "lastName", "surrogate");
        assertRefusedAlone("contacts", "{\"externalId\":\"bad\",\"lastName\":\"Doe\",\"team\":\"x\\udc00y\"}", "team", "surrogate");
        assertRefusedAlone("contacts", "{\"externalId\":\"bad\\ud800\",\"lastName\":\"Doe\"}", "externalId", "surrogate");
        assertRefusedAlone("contacts", "{\"externalId\":\"bad\",\"lastName\":\"Doe\",\"t\\ud800\":\"x\"}", "t\\uD800", "surrogate");
    }

    @Test
    void aValidSurrogatePairIsKeptExactly() throws Exception {
        call("POST", "/api/v1/ingest/hubspot", token,
                "{\"contacts\":[{\"externalId\":\"c-1\",\"lastName\":\"Doe \\ud83d\\ude00\",\"mood\":\"\\ud83d\\ude00\"}]}");

        JsonNode contact = contact("c-1");
        assertThat(contact.path("name").asText()).isEqualTo("Doe \uD83D\uDE00");
        assertThat(contact.path("fields").path("mood").path("value").asText()).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void anObservationTimeOutsideWhatTimestampsHoldIsRefused() throws Exception {
        for (String time : List.of("+294277-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "0999-12-31T23:59:59Z")) {
            assertRefusedAlone("contacts", "{\"externalId\":\"bad\",\"lastName\":\"Doe\",\"updatedAt\":\"" + time + "\"}",
                    "updatedAt", "years 1000 to");
        }
    }

    @Test
    void aValueTimeOutsideYearsOneThousandToNineThousandNineHundredNinetyNineIsRefused() throws Exception {
        for (String time : List.of("+294277-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z")) {
            assertRefusedAlone("interactions", "{\"externalId\":\"bad\",\"type\":\"call\",\"occurredAt\":\"" + time + "\"}",
                    "occurredAt", "years 1000 to 9999");
            assertRefusedAlone("notes", "{\"externalId\":\"bad\",\"body\":\"b\",\"createdAt\":\"" + time + "\"}",
                    "createdAt", "years 1000 to 9999");
        }
        assertRefusedAlone("deals", "{\"externalId\":\"bad\",\"name\":\"D\",\"closeDate\":\"+10000-01-01\"}",
                "closeDate", "years 1000 to 9999");
        assertRefusedAlone("deals", "{\"externalId\":\"bad\",\"name\":\"D\",\"closeDate\":\"0999-12-31\"}",
                "closeDate", "years 1000 to 9999");
    }

    @Test
    void valueTimesMayLieInTheFuture() throws Exception {
        String nextWeek = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        call("POST", "/api/v1/ingest/hubspot", token, "{\"interactions\":[{\"externalId\":\"i-1\",\"type\":\"meeting\","
                + "\"occurredAt\":\"" + nextWeek + "\"},{\"externalId\":\"i-2\",\"type\":\"meeting\",\"occurredAt\":\"9999-12-31T23:59:59Z\"}],"
                + "\"deals\":[{\"externalId\":\"d-1\",\"name\":\"D\",\"closeDate\":\"9999-12-31\"}]}");

        assertThat(entity("interactions", "interaction", "i-1").path("fields").path("occurredAt").path("value").asText())
                .isEqualTo(nextWeek);
        assertThat(entity("deals", "deal", "d-1").path("fields").path("closeDate").path("value").asText())
                .isEqualTo("9999-12-31");
    }

    @Test
    void anUpdatedAtInTheFutureIsRefusedSoItCannotWinEveryLaterUpdate() throws Exception {
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        JsonNode rejection = assertRefusedAlone("contacts",
                "{\"externalId\":\"bad\",\"lastName\":\"Doe\",\"updatedAt\":\"9999-12-31T00:00:00Z\"}",
                "updatedAt", "5 minutes");
        assertThat(rejection.path("reason").asText()).contains("later than");
        assertRefusedAlone("contacts", "{\"externalId\":\"bad\",\"lastName\":\"Doe\",\"updatedAt\":\"" + tomorrow + "\"}",
                "updatedAt", "5 minutes");
    }

    @Test
    void anUpdatedAtInThePastIsTakenAndALaterOneWins() throws Exception {
        String item = "{\"contacts\":[{\"externalId\":\"c-1\",\"lastName\":\"Doe\",\"title\":\"%s\",\"updatedAt\":\"%s\"}]}";
        call("POST", "/api/v1/ingest/hubspot", token, item.formatted("Old", "1999-01-01T00:00:00Z"));
        call("POST", "/api/v1/ingest/hubspot", token,
                item.formatted("New", Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS)));

        assertThat(contact("c-1").path("fields").path("title").path("value").asText()).isEqualTo("New");
    }

    @Test
    void aNumberThatPostgresqlCannotHoldIsRefused() throws Exception {
        assertRefusedAlone("deals", "{\"externalId\":\"bad\",\"name\":\"D\",\"amount\":1e999999,\"currency\":\"USD\"}",
                "amount", "digits");
        assertRefusedAlone("deals", "{\"externalId\":\"bad\",\"name\":\"D\",\"amount\":\"1e-999999999\",\"currency\":\"USD\"}",
                "amount", "digits");
        assertRefusedAlone("deals", "{\"externalId\":\"bad\",\"name\":\"D\",\"probability\":-1e999999}",
                "probability", "digits");
        assertRefusedAlone("contacts", "{\"externalId\":\"bad\",\"lastName\":\"Doe\",\"score\":1e999999}",
                "score", "digits");
        assertRefusedAlone("contacts", "{\"externalId\":\"bad\",\"lastName\":\"Doe\",\"score\":1e-999999999}",
                "score", "digits");
        assertRefusedAlone("contacts", "{\"externalId\":\"bad\",\"lastName\":\"Doe\",\"score\":" + "9".repeat(101) + "}",
                "score", "digits");
        assertRefusedAlone("deals", "{\"externalId\":\"bad\",\"name\":\"D\",\"currency\":\"USD\",\"amount\":\""
                + "1".repeat(5000) + "\"}", "amount", "digits");
    }

    @Test
    void ordinaryNumbersAreKeptWithEveryDigit() throws Exception {
        call("POST", "/api/v1/ingest/hubspot", token, "{\"deals\":[{\"externalId\":\"d-1\",\"name\":\"D\",\"currency\":\"EUR\","
                + "\"amount\":\"1234567890123456789.25\",\"score\":0.000001,\"seats\":" + "9".repeat(100) + "}]}");

        String id = getJson("/api/v1/external/hubspot/deal/d-1", token).path("id").asText();
        JsonNode fields = EXACT_NUMBERS.readTree(get("/api/v1/deals/" + id, token).body()).path("fields");
        assertThat(fields.path("amount").path("value").decimalValue()).isEqualByComparingTo("1234567890123456789.25");
        assertThat(fields.path("score").path("value").decimalValue()).isEqualByComparingTo("0.000001");
        assertThat(fields.path("seats").path("value").bigIntegerValue().toString()).isEqualTo("9".repeat(100));
    }

    @Test
    void anExtraFieldOverTheValueLimitIsRefused() throws Exception {
        assertRefusedAlone("contacts", "{\"externalId\":\"bad\",\"lastName\":\"Doe\",\"bio\":\"" + "x".repeat(10_001) + "\"}",
                "bio", "at most 10000");
    }

    @Test
    void aFifteenMegabyteFieldIsRefusedAndTheRestOfTheBatchSaved() throws Exception {
        assertRefusedAlone("contacts", "{\"externalId\":\"bad\",\"lastName\":\"Doe\",\"blob\":\""
                + "x".repeat(15 * 1024 * 1024) + "\"}", "blob", "largest field is 'blob'");
    }

    @Test
    void anItemWithTooManyFieldsIsRefused() throws Exception {
        String fifteenHundredFieldsOfNineKilobytes = IntStream.range(0, 1500)
                .mapToObj(i -> "\"f" + i + "\":\"" + "y".repeat(9 * 1024) + "\"")
                .collect(Collectors.joining(","));
        JsonNode rejection = assertRefusedAlone("contacts", "{\"externalId\":\"bad\",\"lastName\":\"Doe\","
                + fifteenHundredFieldsOfNineKilobytes + "}", "f198", "at most 200 fields");
        assertThat(rejection.path("reason").asText()).contains("1502");

        String twoHundredFields = IntStream.range(0, 198).mapToObj(i -> "\"f" + i + "\":\"v\"").collect(Collectors.joining(","));
        call("POST", "/api/v1/ingest/hubspot", token,
                "{\"contacts\":[{\"externalId\":\"wide\",\"lastName\":\"Doe\"," + twoHundredFields + "}]}");
        assertThat(contact("wide").path("fields").path("f197").path("value").asText()).isEqualTo("v");
    }

    @Test
    void anItemLargerThanARecordMayBeIsRefusedNamingItsLargestField() throws Exception {
        String fields = IntStream.range(0, 30).mapToObj(i -> "\"f" + i + "\":\"" + "z".repeat(i == 7 ? 9_500 : 9_000) + "\"")
                .collect(Collectors.joining(","));

        JsonNode rejection = assertRefusedAlone("contacts", "{\"externalId\":\"bad\",\"lastName\":\"Doe\"," + fields + "}",
                "f7", "262144");
        assertThat(rejection.path("reason").asText()).contains("largest field");
    }

    @Test
    void aFieldNameThatIsTooLongOrInvisibleIsRefused() throws Exception {
        String longName = "n".repeat(101);
        assertRefusedAlone("contacts", "{\"externalId\":\"bad\",\"lastName\":\"Doe\",\"" + longName + "\":\"v\"}",
                "n".repeat(60) + "…", "at most 100");
        assertRefusedAlone("contacts", "{\"externalId\":\"bad\",\"lastName\":\"Doe\",\"admin\\u202e\":\"v\"}",
                "admin\\u202E", "U+202E");
        assertRefusedAlone("contacts", "{\"externalId\":\"bad\",\"lastName\":\"Doe\",\"line\\nbreak\":\"v\"}",
                "line\\u000Abreak", "U+000A");
        assertRefusedAlone("contacts", "{\"externalId\":\"bad\",\"lastName\":\"Doe\",\"\":\"v\"}", "", "empty");

        call("POST", "/api/v1/ingest/hubspot", token,
                "{\"contacts\":[{\"externalId\":\"c-1\",\"lastName\":\"Doe\",\"Lead Source\":\"Web\",\"Région__c\":\"Île-de-France\"}]}");
        JsonNode fields = contact("c-1").path("fields");
        assertThat(fields.path("Lead Source").path("value").asText()).isEqualTo("Web");
        assertThat(fields.path("Région__c").path("value").asText()).isEqualTo("Île-de-France");
    }

    @Test
    void aHugeListOfReferencesIsRefused() throws Exception {
        String contacts = IntStream.range(0, 1001).mapToObj(i -> "\"c" + i + "\"").collect(Collectors.joining(","));
        assertRefusedAlone("deals", "{\"externalId\":\"bad\",\"name\":\"D\",\"contacts\":[" + contacts + "]}",
                "contacts", "at most 1000");
    }

    @Test
    void whatTheJsonParserRefusesFailsTheWholeBodyAsBadJson() throws Exception {
        byte[] invalidUtf8 = "{\"contacts\":[{\"externalId\":\"c-1\",\"lastName\":\"D\u00e9\"}]}".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/api/v1/ingest/hubspot"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(invalidUtf8)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("bad_request");
        for (String body : List.of("{\"contacts\":[{\"externalId\":\"c-1\",\"lastName\":\"D\u0001\"}]}",
                "{\"contacts\":[{\"externalId\":\"c-1\",\"lastName\":\"D\",\"n\":" + "9".repeat(1001) + "}]}",
                "{\"contacts\":[{\"externalId\":\"c-1\",\"lastName\":\"D\",\"n\":NaN}]}")) {
            HttpResponse<String> refused = send("POST", "/api/v1/ingest/hubspot", token, body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(json(refused).path("error").path("code").asText()).isEqualTo("bad_request");
        }
        assertThat(get("/api/v1/external/hubspot/contact/c-1", token).statusCode()).isEqualTo(404);
    }

    @Test
    void aCsvRowWithANulOrAnOverlongValueIsRefusedAtItsRowAndTheOtherRowsImported() throws Exception {
        String csv = "id,first name,last name,email\n"
                + "c-1,Ann,Lee,ann@lee.example\n"
                + "c-2,Bob,Ro\0ss,bob@ross.example\n"
                + "c-3,Cy," + "P".repeat(10_001) + ",cy@price.example\n"
                + "c-4,Dee,Dot,dee@dot.example\n";

        HttpResponse<String> response = postCsv("/api/v1/imports?type=contacts", token, csv);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json(response);
        assertThat(result.path("summary").path("created").asInt()).isEqualTo(2);
        assertThat(result.path("errors").findValuesAsText("row")).containsExactly("3", "4");
        assertThat(result.path("errors").findValuesAsText("field")).containsExactly("lastName", "lastName");
        assertThat(get("/api/v1/external/csv/contact/c-1", token).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/external/csv/contact/c-4", token).statusCode()).isEqualTo(200);
    }

    /**
     * Sends {@code [good, bad, good]} in {@code kind} and expects a 400 naming the bad item alone (index 1),
     * its field and a reason containing {@code reasonHint}; both good items must be saved. Returns the rejection.
     */
    private JsonNode assertRefusedAlone(String kind, String badItem, String field, String reasonHint) throws Exception {
        String before = "good-" + System.nanoTime();
        String after = before + "-b";
        String batch = "{\"" + kind + "\":[" + good(kind, before) + "," + badItem + "," + good(kind, after) + "]}";

        HttpResponse<String> response = send("POST", "/api/v1/ingest/hubspot", token, batch);

        assertThat(response.statusCode()).as(response.body().length() > 2000 ? response.body().substring(0, 2000)
                : response.body()).isEqualTo(400);
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("invalid_items");
        JsonNode rejected = error.path("details").path("rejected");
        assertThat(rejected).hasSize(1);
        JsonNode rejection = rejected.get(0);
        assertThat(rejection.path("kind").asText()).isEqualTo(kind);
        assertThat(rejection.path("index").asInt()).isEqualTo(1);
        assertThat(rejection.path("field").asText()).isEqualTo(field);
        assertThat(rejection.path("reason").asText()).contains(reasonHint);
        String object = kind.substring(0, kind.length() - 1);
        assertThat(get("/api/v1/external/hubspot/" + object + "/" + before, token).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/external/hubspot/" + object + "/" + after, token).statusCode()).isEqualTo(200);
        return rejection;
    }

    private static String good(String kind, String id) {
        return switch (kind) {
            case "organizations" -> "{\"externalId\":\"" + id + "\",\"name\":\"Org " + id + "\"}";
            case "contacts" -> "{\"externalId\":\"" + id + "\",\"firstName\":\"Good\",\"lastName\":\"" + id + "\"}";
            case "deals" -> "{\"externalId\":\"" + id + "\",\"name\":\"Deal " + id + "\",\"amount\":10,\"currency\":\"USD\"}";
            case "interactions" -> "{\"externalId\":\"" + id + "\",\"type\":\"call\",\"occurredAt\":\"2026-01-05T10:00:00Z\"}";
            case "notes" -> "{\"externalId\":\"" + id + "\",\"body\":\"Note " + id + "\"}";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private JsonNode contact(String externalId) throws Exception {
        return entity("contacts", "contact", externalId);
    }

    private JsonNode entity(String collection, String object, String externalId) throws Exception {
        String id = getJson("/api/v1/external/hubspot/" + object + "/"
                + URLEncoder.encode(externalId, StandardCharsets.UTF_8), token).path("id").asText();
        return getJson("/api/v1/" + collection + "/" + id, token);
    }
}
