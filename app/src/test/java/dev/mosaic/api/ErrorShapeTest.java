package dev.mosaic.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.testing.MosaicIntegrationTest;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every error answers in the API's JSON shape with the right status: unusual bodies, Accept headers and paths too. */
class ErrorShapeTest extends MosaicIntegrationTest {

    @Test
    void aClientAskingForXmlGets406InJson() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/api/v1/me"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Accept", "application/xml").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("not_acceptable");
    }

    @Test
    void aTextOrXmlBodyGets415InJson() throws Exception {
        for (String type : new String[] {"text/plain", "application/xml"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/api/v1/ingest/crm"))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("<organizations/>")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(type).isEqualTo(415);
            assertThat(json(response).path("error").path("message").asText()).contains("application/json");
        }
    }

    @Test
    void aPathTomcatRefusesItselfGetsTheJsonShape() throws Exception {
        // java.net.http will not send a NUL in a path; a raw socket will, as a probe does.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /api/v1/organizations/%00 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/json")
                    .contains("{\"error\":{\"code\":\"bad_request\"").doesNotContain("<html");
        }
    }

    @Test
    void theErrorPathItselfIsAPlain404() throws Exception {
        HttpResponse<String> response = get("/error", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("not_found");
    }
}
