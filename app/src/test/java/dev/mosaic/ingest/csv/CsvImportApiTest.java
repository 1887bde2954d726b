package dev.mosaic.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.testing.MosaicIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/imports} over real HTTP on the running app and its database, checked through what
 * users then see in the read API. Each test works in a tenant of its own.
 */
class CsvImportApiTest extends MosaicIntegrationTest {

    private static final String IMPORTS = "/api/v1/imports";

    private String token;

    @BeforeEach
    void freshTenant() {
        token = newTenantToken();
    }

    @Test
    void aDryRunPreviewsMappedRowsAndRowNumberedErrorsAndWritesNothing() throws Exception {
        JsonNode dryRun = ok(upload(new MultipartCsvUpload()
                .field("type", "contacts")
                .field("dryRun", "true")
                .file("contacts.csv", resource("contacts-with-bad-rows.csv"))));

        assertThat(dryRun.path("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.path("rows").asInt()).isEqualTo(6);
        assertThat(JSON.convertValue(dryRun.path("mapping"), Map.class)).containsExactly(
                entry("Contact ID", "externalId"), entry("First Name", "firstName"), entry("Last Name", "lastName"),
                entry("Email", "email"), entry("Mobile", "phone"), entry("Job Title", "title"),
                entry("Account ID", "organization"), entry("Company", "organizationName"));
        JsonNode preview = dryRun.path("preview");
        assertThat(preview).hasSize(4);
        assertThat(preview.get(0)).isEqualTo(JSON.readTree("""
                {"externalId":"c-1","firstName":"Jane","lastName":"Doe","email":"Jane.Doe@Acme.example",
                 "phone":"(415) 555-0101","title":"CTO","organization":"acct-1","organizationName":"Acme Corp"}"""));
        assertThat(preview.get(2).path("firstName").asText()).isEqualTo("Mary \"MJ\"");
        assertThat(preview.get(3).path("title").asText()).isEqualTo("Head of\nOperations");
        assertThat(errorRows(dryRun)).containsExactly(3, 5, 6);
        assertThat(dryRun.path("errors").get(0).path("field").asText()).isEqualTo("email");
        assertThat(dryRun.path("errors").get(0).path("externalId").asText()).isEqualTo("c-2");
        assertThat(dryRun.has("summary")).isFalse();

        assertThat(getJson("/api/v1/contacts", token).path("total").asInt()).isZero();
        JsonNode realRun = ok(upload(new MultipartCsvUpload()
                .field("type", "contacts")
                .file("contacts.csv", resource("contacts-with-bad-rows.csv"))));
        assertThat(realRun.path("summary").path("created").asInt()).isEqualTo(3);
    }

    @Test
    void badRowsAreReportedWithTheirRowNumbersWhileTheValidRowsAreImported() throws Exception {
        JsonNode result = ok(upload(new MultipartCsvUpload()
                .field("type", "contacts")
                .file("contacts.csv", resource("contacts-with-bad-rows.csv"))));

        assertThat(result.path("dryRun").asBoolean()).isFalse();
        assertThat(result.path("rows").asInt()).isEqualTo(6);
        assertThat(result.path("summary").path("created").asInt()).isEqualTo(3);
        assertThat(result.path("summary").path("rejected").asInt()).isEqualTo(3);
        JsonNode errors = result.path("errors");
        assertThat(errorRows(result)).containsExactly(3, 5, 6);
        assertThat(errors.get(0).path("reason").asText()).contains("not-an-email");
        assertThat(errors.get(1).path("reason").asText()).contains("quotes");
        assertThat(errors.get(2).path("reason").asText()).contains("9 values").contains("8 columns");
        assertThat(result.has("preview")).isFalse();

        assertThat(contactNames("")).containsExactlyInAnyOrder("Jane Doe", "Mary \"MJ\" Major", "Ann Lee");
    }

    @Test
    void aFileWhoseEveryRowIsRefusedAnswersAsAJsonIngestThatSavesNothing() throws Exception {
        String longAddress = "x".repeat(200);
        HttpResponse<String> response = postCsvBody("type=contacts", "First Name,Last Name,Email\n"
                + "Ada,Lovelace,not-an-email\nGrace,Hopper," + longAddress + "\n");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("invalid_items");
        assertThat(error.path("details").path("rejected")).hasSize(2);
        assertThat(error.path("details").path("rejected").get(1).path("reason").asText())
                .as("an echoed value is cut short").hasSizeLessThan(200).contains("…");
        assertThat(contactNames("")).isEmpty();
    }

    @Test
    void aMissingNameIsReportedAtItsRowAndTheOtherOrganizationsAreImported() throws Exception {
        JsonNode result = ok(postCsvBody("type=organizations&source=crm-export", """
                id,name,domain,industry
                o-1,Acme Corp,acme.com,Software
                o-2,,,Retail
                o-3,Globex,not a domain,Manufacturing
                o-4,Initech,initech.com,Software
                """));

        assertThat(result.path("source").asText()).isEqualTo("crm-export");
        assertThat(result.path("summary").path("created").asInt()).isEqualTo(2);
        assertThat(errorRows(result)).containsExactly(3, 4);
        assertThat(result.path("errors").get(0).path("field").asText()).isEqualTo("name");
        assertThat(result.path("errors").get(0).path("externalId").asText()).isEqualTo("o-2");
        assertThat(result.path("errors").get(1).path("field").asText()).isEqualTo("domain");
        assertThat(organizationNames("")).containsExactlyInAnyOrder("Acme Corp", "Initech");
    }

    @Test
    void aRealImportCreatesAndReimportingTheSameFileReportsAllUnchanged() throws Exception {
        MultipartCsvUpload form = new MultipartCsvUpload()
                .field("type", "organizations")
                .file("organizations.csv", resource("organizations.csv"));

        JsonNode first = ok(upload(form));
        JsonNode again = ok(upload(form));

        assertThat(first.path("summary").path("created").asInt()).isEqualTo(3);
        assertThat(first.path("errors")).isEmpty();
        assertThat(again.path("summary").path("unchanged").asInt()).isEqualTo(3);
        assertThat(again.path("summary").path("created").asInt()).isZero();
        assertThat(again.path("summary").path("updated").asInt()).isZero();
        assertThat(organizationNames("")).containsExactlyInAnyOrder("Acme Corp", "Globex", "Initech, Inc.");
    }

    @Test
    void aFileWithoutIdsGetsStableIdsSoReimportingItChangesNothing() throws Exception {
        String csv = """
                First Name,Last Name,E-mail,Company
                Jane,Doe,jane.doe@acme.example,Acme Corp
                Bob,Stone,,Globex
                Jane,Doe,JANE.DOE@acme.example,Acme
                """;

        JsonNode first = ok(postCsvBody("type=contacts", csv));
        JsonNode again = ok(postCsvBody("type=contacts", csv));

        assertThat(first.path("externalIds").asText()).startsWith("derived");
        assertThat(first.path("summary").path("created").asInt()).isEqualTo(2);
        assertThat(errorRows(first)).containsExactly(4);
        assertThat(first.path("errors").get(0).path("reason").asText()).contains("Row 2");
        assertThat(again.path("summary").path("unchanged").asInt()).isEqualTo(2);
        assertThat(again.path("summary").path("created").asInt()).isZero();
        assertThat(getJson("/api/v1/external/csv/contact/name:bob%20stone%7Cglobex", token).path("type").asText())
                .isEqualTo("contact");
    }

    @Test
    void contactsAreLinkedToTheOrganizationsOfTheSameSource() throws Exception {
        ok(upload(new MultipartCsvUpload().field("type", "organizations").field("source", "legacy-crm")
                .file("organizations.csv", resource("organizations.csv"))));
        ok(upload(new MultipartCsvUpload().field("type", "contacts").field("source", "legacy-crm")
                .file("contacts.csv", resource("contacts-with-bad-rows.csv"))));

        String janeId = getJson("/api/v1/external/legacy-crm/contact/c-1", token).path("id").asText();
        JsonNode jane = getJson("/api/v1/contacts/" + janeId, token);

        assertThat(jane.path("relations").findValuesAsText("name")).contains("Acme Corp");
    }

    @Test
    void anExplicitMappingImportsAFileWithHeadersMosaicDoesNotKnow() throws Exception {
        JsonNode result = ok(upload(new MultipartCsvUpload()
                .field("type", "contacts")
                .field("mapping", """
                        {"Courriel":"email","Prénom":"firstName","Nom de famille":"lastName",
                         "Société ID":"organization","Remarques":""}""")
                .file("contacts-odd-headers.csv", resource("contacts-odd-headers.csv"))));

        assertThat(JSON.convertValue(result.path("mapping"), Map.class)).containsExactly(
                entry("Courriel", "email"), entry("Prénom", "firstName"), entry("Nom de famille", "lastName"),
                entry("Société ID", "organization"));
        assertThat(result.path("ignoredColumns").get(0).asText()).isEqualTo("Remarques");
        assertThat(result.path("summary").path("created").asInt()).isEqualTo(1);
        assertThat(contactNames("martin")).containsExactly("Zoé Martin");
    }

    @Test
    void aSemicolonDelimitedFileWithAByteOrderMarkImports() throws Exception {
        JsonNode result = ok(upload(new MultipartCsvUpload()
                .field("type", "organizations")
                .file("organizations-semicolon-bom.csv", resource("organizations-semicolon-bom.csv"))));

        assertThat(JSON.convertValue(result.path("mapping"), Map.class)).containsExactly(
                entry("Name", "name"), entry("Domain", "domain"), entry("Phone", "phone"), entry("Industry", "industry"));
        assertThat(result.path("summary").path("created").asInt()).isEqualTo(2);
        assertThat(result.path("errors")).isEmpty();
        assertThat(organizationNames("")).containsExactlyInAnyOrder("Umlaut GmbH", "Dupont; Fils");
    }

    @Test
    void aLargeFileIsImportedInChunksAndItsErrorsKeepTheirRowNumbers() throws Exception {
        // Over 1 MB (the servlet container's default upload limit) and over one chunk of rows: rows 2 to
        // 1001 are the first chunk, 1002 to 1011 the second.
        StringBuilder csv = new StringBuilder("Email,First Name,Last Name,Notes\n");
        String notes = "n".repeat(1_100);
        for (int row = 2; row <= 1_011; row++) {
            String email = row == 2 || row == 1_003 || row == 1_011 ? "broken-" + row : "person" + row + "@bulk.example";
            csv.append(email).append(",Person,No").append(row).append(',').append(notes).append('\n');
        }
        assertThat(csv.length()).isGreaterThan(1024 * 1024);

        JsonNode result = ok(upload(new MultipartCsvUpload()
                .field("type", "contacts")
                .file("bulk.csv", csv.toString().getBytes(StandardCharsets.UTF_8))));

        assertThat(result.path("rows").asInt()).isEqualTo(1_010);
        assertThat(result.path("summary").path("created").asInt()).isEqualTo(1_007);
        assertThat(errorRows(result)).containsExactly(2, 1_003, 1_011);
        assertThat(result.path("errors").get(1).path("reason").asText()).contains("broken-1003");
        assertThat(getJson("/api/v1/contacts", token).path("total").asInt()).isEqualTo(1_007);
    }

    @Test
    void anUnknownTypeIsRefusedNamingTheField() throws Exception {
        HttpResponse<String> response = upload(new MultipartCsvUpload()
                .field("type", "deals")
                .file("organizations.csv", resource("organizations.csv")));

        assertBadRequestNaming(response, "type");
        assertThat(error(response).path("message").asText()).contains("deals").contains("organizations");
    }

    @Test
    void aReservedSourceIsRefused() throws Exception {
        for (String reserved : List.of("salesforce", "mosaic")) {
            HttpResponse<String> response = upload(new MultipartCsvUpload()
                    .field("type", "organizations")
                    .field("source", reserved)
                    .file("organizations.csv", resource("organizations.csv")));

            assertBadRequestNaming(response, "source");
            assertThat(error(response).path("message").asText()).contains("reserved");
        }
        assertThat(getJson("/api/v1/organizations", token).path("total").asInt()).isZero();
    }

    @Test
    void aMissingFileIsRefused() throws Exception {
        HttpResponse<String> response = upload(new MultipartCsvUpload().field("type", "contacts"));

        assertBadRequestNaming(response, "file");
    }

    @Test
    void anEmptyFileOrOneWithoutHeaderIsRefused() throws Exception {
        assertBadRequestNaming(upload(new MultipartCsvUpload()
                .field("type", "contacts")
                .file("empty.csv", new byte[0])), "file");
        assertBadRequestNaming(upload(new MultipartCsvUpload()
                .field("type", "contacts")
                .file("blank.csv", "\uFEFF\r\n\r\n".getBytes(StandardCharsets.UTF_8))), "file");
    }

    @Test
    void aMappingToUnknownFieldsIsRefusedNamingThem() throws Exception {
        HttpResponse<String> response = upload(new MultipartCsvUpload()
                .field("type", "contacts")
                .field("mapping", "{\"Email\":\"emailAddress\",\"Job\":\"jobTitle\",\"First Name\":\"firstName\"}")
                .file("contacts.csv", resource("contacts-with-bad-rows.csv")));

        assertBadRequestNaming(response, "mapping");
        assertThat(error(response).path("message").asText()).contains("emailAddress").contains("jobTitle");
        assertThat(error(response).path("details").path("unknownFields")).hasSize(2);
    }

    @Test
    void aBodyThatIsNeitherMultipartNorCsvIsRefusedWithTheErrorShape() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(IMPORTS + "?type=contacts"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"contacts\":[]}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(error(response).path("code").asText()).isEqualTo("unsupported_media_type");
    }

    @Test
    void aCsvDeclaredInAnotherCharsetThanUtf8IsRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(IMPORTS + "?type=organizations"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv; charset=windows-1252")
                .POST(HttpRequest.BodyPublishers.ofString("name\nAcme\n"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertBadRequestNaming(response, "file");
        assertThat(error(response).path("message").asText()).contains("UTF-8");
    }

    @Test
    void aBodyOverTheUploadLimitIsRefusedWithoutImportingAnyOfIt() throws Exception {
        // Sent chunked, so the server cannot refuse by the declared length; and with more rows than a chunk
        // before the limit, which must not be imported either.
        StringBuilder rows = new StringBuilder("name,domain\n");
        for (int i = 0; i < 1_500; i++) {
            rows.append("Company ").append(i).append(",company").append(i).append(".com\n");
        }
        long size = CsvUploadLimit.MAX_BYTES + 512 * 1024;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(IMPORTS + "?type=organizations"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        new ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8)),
                        blankLines(size))))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(error(response).path("code").asText()).isEqualTo("payload_too_large");
        assertThat(error(response).path("details").path("field").asText()).isEqualTo("file");
        assertThat(getJson("/api/v1/organizations", token).path("total").asInt()).isZero();
    }

    @Test
    void aMultipartFileOverTheUploadLimitIsRefusedInTheApiErrorShape() throws Exception {
        byte[] huge = new byte[(int) CsvUploadLimit.MAX_BYTES + 2 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) '\n');
        MultipartCsvUpload form = new MultipartCsvUpload().field("type", "organizations").file("huge.csv", huge);

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(IMPORTS))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", form.contentType())
                .POST(form.publisher())
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(error(response).path("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void importingNeedsAToken() throws Exception {
        MultipartCsvUpload form = new MultipartCsvUpload().field("type", "organizations")
                .file("organizations.csv", resource("organizations.csv"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(IMPORTS))
                .header("Content-Type", form.contentType())
                .POST(form.publisher())
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    // --- helpers

    private List<String> contactNames(String query) throws IOException, InterruptedException {
        return names("/api/v1/contacts?q=" + query);
    }

    private List<String> organizationNames(String query) throws IOException, InterruptedException {
        return names("/api/v1/organizations?q=" + query);
    }

    private List<String> names(String path) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        getJson(path + "&limit=100", token).path("items").forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    private HttpResponse<String> upload(MultipartCsvUpload form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(IMPORTS))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", form.contentType())
                .POST(form.publisher())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postCsvBody(String query, String csv) throws IOException, InterruptedException {
        return postCsv(IMPORTS + "?" + query, token, csv);
    }

    private static JsonNode ok(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static JsonNode error(HttpResponse<String> response) throws IOException {
        return json(response).path("error");
    }

    private static void assertBadRequestNaming(HttpResponse<String> response, String field) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(error(response).path("code").asText()).isEqualTo("bad_request");
        assertThat(error(response).path("message").asText()).isNotBlank();
        assertThat(error(response).path("details").path("field").asText()).isEqualTo(field);
    }

    private static List<Integer> errorRows(JsonNode result) {
        List<Integer> rows = new ArrayList<>();
        result.path("errors").forEach(error -> rows.add(error.path("row").asInt()));
        return rows;
    }

    /** {@code size} bytes of line breaks, made as they are read. */
    private static InputStream blankLines(long size) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? '\n' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                Arrays.fill(buffer, offset, offset + n, (byte) '\n');
                left -= n;
                return n;
            }
        };
    }

    private static byte[] resource(String name) {
        try (InputStream in = CsvImportApiTest.class.getResourceAsStream("/imports/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test file imports/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
