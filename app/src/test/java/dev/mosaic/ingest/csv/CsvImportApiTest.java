package dev.mosaic.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.testing.MosaicIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/imports} over real HTTP on the running app and its database. Each test imports
 * under its own source and its own names, so tests do not see each other's data.
 */
class CsvImportApiTest extends MosaicIntegrationTest {

    private static final String IMPORTS = "/api/v1/imports";

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
        HttpResponse<String> response = upload(new MultipartCsvUpload()
                .field("type", "organizations")
                .field("source", "salesforce")
                .file("organizations.csv", resource("organizations.csv")));

        assertBadRequestNaming(response, "source");
        assertThat(error(response).path("message").asText()).contains("reserved");
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
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"contacts\":[]}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(error(response).path("code").asText()).isEqualTo("unsupported_media_type");
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

    private HttpResponse<String> upload(MultipartCsvUpload form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(IMPORTS))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", form.contentType())
                .POST(form.publisher())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postCsvBody(String query, String csv) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(IMPORTS + "?" + query))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
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
