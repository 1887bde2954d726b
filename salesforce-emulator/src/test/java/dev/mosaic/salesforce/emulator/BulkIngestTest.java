package dev.mosaic.salesforce.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.salesforce.emulator.org.store.SalesforceIds;
import dev.mosaic.salesforce.emulator.pubsub.wire.ReplayPreset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import static dev.mosaic.salesforce.emulator.Http.V;
import static dev.mosaic.salesforce.emulator.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk API 2.0 ingest over real HTTP, jobs run on an executor the test drains by hand: what each row did, the records
 * it left, and the change events a Bulk load publishes (one transaction per 200 records).
 */
class BulkIngestTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private static SalesforceEmulator emulator;
    private static Http http;
    private static String token;
    private PubSubSubscriber subscriber;

    @BeforeAll
    static void start() {
        emulator = SalesforceEmulator.builder().seed(91).accounts(5).bulkJobExecutor(pending::add)
                .pubsubTimings(Duration.ofMillis(600), Duration.ofSeconds(30)).start();
        http = new Http(emulator.baseUrl());
        token = http.login(emulator.credentials());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @AfterEach
    void closeSubscriber() {
        if (subscriber != null) {
            subscriber.close();
        }
    }

    @Test
    void insertReportsEachRowAndLeavesTheGoodRecords() {
        String csv = "LastName,FirstName,Email\n"
                + "Okafor,Ada,ada@example.com\n"
                + ",Nameless,nameless@example.com\n"
                + "\"Doe, \"\"JD\"\"\",\"Two\nLines\",\n";

        JsonNode info = load(Map.of("object", "Contact", "operation", "insert"), csv);

        assertThat(info.get("state").asText()).isEqualTo("JobComplete");
        assertThat(info.get("jobType").asText()).isEqualTo("V2Ingest");
        assertThat(info.get("numberRecordsProcessed").asInt()).isEqualTo(3);
        assertThat(info.get("numberRecordsFailed").asInt()).isEqualTo(1);
        String jobId = info.get("id").asText();
        List<List<String>> successful = results(jobId, "successfulResults");
        assertThat(successful.get(0)).containsExactly("sf__Id", "sf__Created", "LastName", "FirstName", "Email");
        assertThat(successful).hasSize(3);
        assertThat(successful.get(1).subList(1, 5)).containsExactly("true", "Okafor", "Ada", "ada@example.com");
        assertThat(successful.get(2).subList(1, 5)).containsExactly("true", "Doe, \"JD\"", "Two\nLines", "");
        List<List<String>> failed = results(jobId, "failedResults");
        assertThat(failed.get(0)).containsExactly("sf__Id", "sf__Error", "LastName", "FirstName", "Email");
        assertThat(failed.subList(1, failed.size())).containsExactly(List.of("",
                "REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --", "", "Nameless",
                "nameless@example.com"));

        JsonNode quoted = json(http.get(V + "/sobjects/Contact/" + successful.get(2).get(0), token));
        assertThat(quoted.get("LastName").asText()).isEqualTo("Doe, \"JD\"");
        assertThat(quoted.get("FirstName").asText()).isEqualTo("Two\nLines");
        assertThat(quoted.get("Email").isNull()).as("an empty value sets nothing").isTrue();
        assertThat(json(http.get(V + "/query?q=" + Http.enc("SELECT Id FROM Contact WHERE FirstName = 'Nameless'"),
                token)).get("totalSize").asInt()).isZero();
    }

    @Test
    void updateNullsNaValuesLeavesEmptyOnesAndReportsUnknownIds() {
        String id = restCreate("Contact", Map.of("LastName", "Ibsen", "Phone", "555-0101", "Title", "Playwright"));
        String missing = SalesforceIds.id18("003", 9_999_999);

        JsonNode info = load(Map.of("object", "Contact", "operation", "update"),
                "Id,Phone,Title,Department\n" + id + ",#N/A,,Drama\n" + missing + ",555-0102,,\n");

        assertThat(info.get("state").asText()).isEqualTo("JobComplete");
        JsonNode contact = json(http.get(V + "/sobjects/Contact/" + id, token));
        assertThat(contact.get("Phone").isNull()).isTrue();
        assertThat(contact.get("Title").asText()).isEqualTo("Playwright");
        assertThat(contact.get("Department").asText()).isEqualTo("Drama");
        String jobId = info.get("id").asText();
        assertThat(results(jobId, "successfulResults").get(1)).containsExactly(id, "false", id, "#N/A", "", "Drama");
        assertThat(results(jobId, "failedResults").get(1).subList(0, 2))
                .containsExactly(missing, "INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--");
    }

    @Test
    void upsertByIdCreatesRowsWithoutOneAndUpdatesTheOthers() {
        String existing = restCreate("Account", Map.of("Name", "Old Name"));

        JsonNode info = load(Map.of("object", "Account", "operation", "upsert", "externalIdFieldName", "Id"),
                "Id,Name\n," + "Fresh Account\n" + existing + ",New Name\n");

        assertThat(info.get("externalIdFieldName").asText()).isEqualTo("Id");
        List<List<String>> successful = results(info.get("id").asText(), "successfulResults");
        assertThat(successful).hasSize(3);
        assertThat(successful.get(1).subList(1, 4)).containsExactly("true", "", "Fresh Account");
        assertThat(successful.get(2)).containsExactly(existing, "false", existing, "New Name");
        assertThat(json(http.get(V + "/sobjects/Account/" + existing, token)).get("Name").asText()).isEqualTo("New Name");
        assertThat(json(http.get(V + "/sobjects/Account/" + successful.get(1).get(0), token)).get("Name").asText())
                .isEqualTo("Fresh Account");
    }

    @Test
    void deleteRemovesTheRecordsItNames() {
        String first = restCreate("Lead", Map.of("LastName", "One", "Company", "A"));
        String second = restCreate("Lead", Map.of("LastName", "Two", "Company", "B"));

        JsonNode info = load(Map.of("object", "Lead", "operation", "delete"), "Id\n" + first + "\n" + second + "\n");

        assertThat(info.get("numberRecordsProcessed").asInt()).isEqualTo(2);
        assertThat(info.get("numberRecordsFailed").asInt()).isZero();
        assertThat(http.get(V + "/sobjects/Lead/" + first, token).statusCode()).isEqualTo(404);
        assertThat(http.get(V + "/sobjects/Lead/" + second, token).statusCode()).isEqualTo(404);
        JsonNode withOtherColumns = load(Map.of("object", "Lead", "operation", "delete"), "Id,LastName\n" + first + ",x\n");
        assertThat(withOtherColumns.get("state").asText()).isEqualTo("Failed");
        assertThat(withOtherColumns.get("errorMessage").asText()).isEqualTo("InvalidBatch : The 'delete' batch must contain only ids");
    }

    @Test
    void anAbortedJobProcessesNothingAndReportsEveryRowUnprocessed() {
        String jobId = create(Map.of("object", "Account", "operation", "insert"));
        assertThat(upload(jobId, "Name\nNever One\nNever Two\n").statusCode()).isEqualTo(201);
        close(jobId);

        HttpResponse<String> abort = http.method("PATCH", V + "/jobs/ingest/" + jobId, token, Map.of("state", "Aborted"));
        runPendingJobs();

        assertThat(abort.statusCode()).isEqualTo(200);
        assertThat(json(http.get(V + "/jobs/ingest/" + jobId, token)).get("state").asText()).isEqualTo("Aborted");
        assertThat(http.get(V + "/jobs/ingest/" + jobId + "/unprocessedrecords", token).body())
                .isEqualTo("Name\n\"Never One\"\n\"Never Two\"\n");
        assertThat(results(jobId, "successfulResults")).hasSize(1);
        assertThat(json(http.get(V + "/query?q=" + Http.enc("SELECT Id FROM Account WHERE Name LIKE 'Never%'"), token))
                .get("totalSize").asInt()).isZero();
    }

    @Test
    void jobCreationRefusesWhatSalesforceRefuses() {
        assertRefused(Map.of("object", "Account", "operation", "merge"), 400, "Invalid operation: merge");
        assertRefused(Map.of("object", "Gadget__c", "operation", "insert"), 400, "sObject type 'Gadget__c' is not supported.");
        assertRefused(Map.of("object", "Account", "operation", "hardDelete"), 400, "Bulk API Hard Delete");
        assertRefused(Map.of("object", "Account", "operation", "upsert", "externalIdFieldName", "AccountNumber"), 400,
                "Field name provided, AccountNumber is not an External ID or indexed field for Account");
        assertRefused(Map.of("object", "Account", "operation", "upsert"), 400, "externalIdFieldName");
        assertRefused(Map.of("object", "Account", "operation", "insert", "lineEnding", "CR"), 400, "Invalid lineEnding: CR");
    }

    @Test
    void aJobTakesOneUploadAndHasResultsOnlyOnceItEnded() {
        String jobId = create(Map.of("object", "Account", "operation", "insert"));
        assertThat(upload(jobId, "Name\nOnce\n").statusCode()).isEqualTo(201);

        HttpResponse<String> again = upload(jobId, "Name\nTwice\n");
        HttpResponse<String> early = http.get(V + "/jobs/ingest/" + jobId + "/successfulResults/", token);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get(0).get("errorCode").asText()).isEqualTo("INVALIDJOB");
        assertThat(early.statusCode()).isEqualTo(412);
        close(jobId);
        runPendingJobs();
        assertThat(http.get(V + "/jobs/ingest/" + jobId + "/successfulResults/", token).statusCode()).isEqualTo(200);
        assertThat(results(jobId, "successfulResults")).hasSize(2);
        assertThat(upload(jobId, "Name\nLate\n").statusCode()).isEqualTo(409);
    }

    @Test
    void dataThatCannotBeReadFailsTheWholeJob() {
        JsonNode unknownColumn = load(Map.of("object", "Account", "operation", "insert"), "Name,Foo\nA,B\n");
        JsonNode crlfInLfJob = load(Map.of("object", "Account", "operation", "insert"), "Name\r\nA\r\n");
        String empty = create(Map.of("object", "Account", "operation", "insert"));
        close(empty);
        runPendingJobs();

        assertThat(unknownColumn.get("state").asText()).isEqualTo("Failed");
        assertThat(unknownColumn.get("errorMessage").asText()).isEqualTo("InvalidBatch : Field name not found : Foo");
        assertThat(crlfInLfJob.get("errorMessage").asText())
                .isEqualTo("ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF");
        assertThat(json(http.get(V + "/jobs/ingest/" + empty, token)).get("state").asText()).isEqualTo("Failed");
        JsonNode crlfJob = load(Map.of("object", "Account", "operation", "insert", "lineEnding", "CRLF",
                "columnDelimiter", "SEMICOLON"), "Name;Phone\r\nSemi; 555\r\n");
        assertThat(crlfJob.get("state").asText()).isEqualTo("JobComplete");
        assertThat(http.get(V + "/jobs/ingest/" + crlfJob.get("id").asText() + "/successfulResults", token).body())
                .endsWith(";\"true\";\"Semi\";\" 555\"\r\n");
    }

    @Test
    void jobsAreListedAndDeleted() {
        String jobId = load(Map.of("object", "Account", "operation", "insert"), "Name\nListed\n").get("id").asText();

        JsonNode list = json(http.get(V + "/jobs/ingest", token));
        HttpResponse<String> deleted = http.method("DELETE", V + "/jobs/ingest/" + jobId, token, null);

        assertThat(list.get("done").asBoolean()).isTrue();
        assertThat(list.get("records").findValuesAsText("id")).contains(jobId);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(http.get(V + "/jobs/ingest/" + jobId, token).statusCode()).isEqualTo(404);
    }

    @Test
    void aBulkLoadPublishesOneTransactionPer200Records() {
        subscriber = new PubSubSubscriber(emulator, token);
        subscriber.subscribe("/data/ChangeEvents", ReplayPreset.LATEST, null, 100);
        subscriber.response(WAIT);
        StringBuilder csv = new StringBuilder("Name,Industry\n");
        for (int i = 0; i < 450; i++) {
            csv.append("Bulk ").append(i).append(",Energy\n");
        }

        JsonNode insert = load(Map.of("object", "Account", "operation", "insert"), csv.toString());

        assertThat(insert.get("numberRecordsProcessed").asInt()).isEqualTo(450);
        List<PubSubSubscriber.Change> created = changes(450);
        assertThat(created).extracting(PubSubSubscriber.Change::changeType).containsOnly("CREATE");
        Map<String, List<Integer>> sequencesByTransaction = new LinkedHashMap<>();
        created.forEach(change -> sequencesByTransaction.computeIfAbsent(header(change, "transactionKey"),
                key -> new ArrayList<>()).add(Integer.parseInt(header(change, "sequenceNumber"))));
        assertThat(sequencesByTransaction.values()).extracting(List::size).containsExactly(200, 200, 50);
        sequencesByTransaction.values().forEach(sequences -> assertThat(sequences)
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, sequences.size()).boxed().toList()));

        List<String> ids = results(insert.get("id").asText(), "successfulResults").stream().skip(1).limit(2)
                .map(row -> row.get(0)).toList();
        load(Map.of("object", "Account", "operation", "update"),
                "Id,Industry,Name\n" + ids.stream().map(id -> id + ",Banking,").collect(Collectors.joining("\n")) + "\n");
        List<PubSubSubscriber.Change> updated = changes(2);
        assertThat(updated).extracting(PubSubSubscriber.Change::changeType).containsOnly("UPDATE");
        assertThat(updated).allSatisfy(change -> {
            assertThat(change.changedFields()).containsExactlyInAnyOrder("Industry", "LastModifiedDate");
            assertThat(change.field("Industry")).isEqualTo("Banking");
            assertThat(change.field("Name")).isNull();
        });
        assertThat(header(updated.get(0), "transactionKey")).isEqualTo(header(updated.get(1), "transactionKey"));

        load(Map.of("object", "Account", "operation", "delete"), "Id\n" + String.join("\n", ids) + "\n");
        List<PubSubSubscriber.Change> deleted = changes(2);
        assertThat(deleted).extracting(PubSubSubscriber.Change::changeType).containsOnly("DELETE");
        assertThat(deleted).flatExtracting(PubSubSubscriber.Change::recordIds).containsExactlyInAnyOrderElementsOf(ids);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** Creates a job, uploads the CSV, closes the job, runs it, and returns its final info. */
    private static JsonNode load(Map<String, Object> job, String csv) {
        String jobId = create(job);
        HttpResponse<String> uploaded = upload(jobId, csv);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.body()).isEmpty();
        close(jobId);
        runPendingJobs();
        return json(http.get(V + "/jobs/ingest/" + jobId, token));
    }

    private static String create(Map<String, Object> job) {
        HttpResponse<String> response = http.postJson(V + "/jobs/ingest", token, job);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode created = json(response);
        assertThat(created.get("state").asText()).isEqualTo("Open");
        assertThat(created.get("id").asText()).startsWith("750").hasSize(18);
        assertThat(created.get("contentUrl").asText())
                .isEqualTo("services/data/v59.0/jobs/ingest/" + created.get("id").asText() + "/batches");
        return created.get("id").asText();
    }

    private static HttpResponse<String> upload(String jobId, String csv) {
        return http.send(http.request(V + "/jobs/ingest/" + jobId + "/batches").header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv").PUT(HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    private static void close(String jobId) {
        HttpResponse<String> closed = http.method("PATCH", V + "/jobs/ingest/" + jobId, token,
                Map.of("state", "UploadComplete"));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(json(closed).get("state").asText()).isEqualTo("UploadComplete");
    }

    private static void assertRefused(Map<String, Object> job, int status, String messagePart) {
        HttpResponse<String> response = http.postJson(V + "/jobs/ingest", token, job);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).get(0).get("errorCode").asText()).isEqualTo("INVALIDJOB");
        assertThat(json(response).get(0).get("message").asText()).contains(messagePart);
    }

    private static List<List<String>> results(String jobId, String kind) {
        HttpResponse<String> response = http.get(V + "/jobs/ingest/" + jobId + "/" + kind, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        return parseCsv(response.body());
    }

    private static String restCreate(String object, Map<String, Object> fields) {
        return json(http.postJson(V + "/sobjects/" + object, token, fields)).get("id").asText();
    }

    private List<PubSubSubscriber.Change> changes(int count) {
        List<PubSubSubscriber.Change> all = new ArrayList<>();
        while (all.size() < count) {
            // The Pub/Sub API lets a subscriber ask for at most 100 events at a time.
            all.addAll(subscriber.changes(Math.min(100, count - all.size()), WAIT));
            subscriber.request(100);
        }
        return all;
    }

    private static String header(PubSubSubscriber.Change change, String name) {
        return String.valueOf(change.header().get(name));
    }

    private static void runPendingJobs() {
        Runnable next;
        while ((next = pending.poll()) != null) {
            next.run();
        }
    }

    /** RFC 4180, LF or CRLF, comma only: enough to read the results back as a client would. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    value.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(value.toString());
                value.setLength(0);
            } else if (c == '\n') {
                row.add(value.toString());
                value.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                value.append(c);
            }
        }
        return rows;
    }
}
