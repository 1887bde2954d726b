package dev.mosaic.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mosaic.MosaicApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Mosaic's own PostgreSQL is killed under it (the OOM killer's usual victim is the largest process): Mosaic starts it
 * again by itself, the database recovers what it had committed, and the API works again without a restart.
 */
class EmbeddedDatabaseRevivalTest {

    private static final String TOKEN = "mosaic_default_embedded-revival-test-token";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void aKilledEmbeddedPostgresIsStartedAgainAndKeepsWhatItHadCommitted() throws Exception {
        try (ConfigurableApplicationContext app = SpringApplication.run(MosaicApplication.class, "--server.port=0",
                "--mosaic.data-dir=" + dataDir, "--mosaic.admin.token=" + TOKEN)) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            assertThat(ingest(base, "before-the-kill").statusCode()).isEqualTo(200);

            ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(
                    Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).strip())).orElseThrow();
            postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
            postmaster.destroyForcibly();
            postmaster.onExit().get();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> send(base, HttpRequest.newBuilder(URI.create(base + "/actuator/health"))).statusCode() == 200);
            assertThat(send(base, authorized(base, "/api/v1/external/crm/contact/before-the-kill")).statusCode()).isEqualTo(200);
            assertThat(ingest(base, "after-the-kill").statusCode()).isEqualTo(200);
            assertThat(send(base, authorized(base, "/api/v1/external/crm/contact/after-the-kill")).statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> ingest(String base, String id) throws Exception {
        return send(base, authorized(base, "/api/v1/ingest/crm").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"contacts\":[{\"externalId\":\"" + id + "\",\"name\":\"Ada "
                        + id + "\",\"email\":\"" + id + "@example.com\"}]}")));
    }

    private static HttpRequest.Builder authorized(String base, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TOKEN);
    }

    private HttpResponse<String> send(String base, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
