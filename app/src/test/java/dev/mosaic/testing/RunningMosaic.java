package dev.mosaic.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.MosaicApplication;
import dev.mosaic.tenant.ApiTokenService;
import dev.mosaic.tenant.TenantPrincipal;
import dev.mosaic.tenant.TenantService;
import dev.mosaic.tenant.UserService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Mosaic started by a test on a database of the test's, with settings of its own: so a test can stop
 * it, or let it die, and start another on the same data. Background imports start above 50 rows here
 * and go 25 rows a chunk (the product's 10,000 and 1,000 would only make the tests slower, not
 * different), and the scheduler polls often and declares a silent instance dead after a few seconds.
 */
public final class RunningMosaic implements AutoCloseable {

    public static final int BACKGROUND_ABOVE_ROWS = 50;
    public static final int CHUNK_ROWS = 25;
    public static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private RunningMosaic(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static RunningMosaic start(TestPostgres database, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--mosaic.data-dir=" + Files.createTempDirectory("mosaic-csv-jobs"),
                "--mosaic.imports.background-above-rows=" + BACKGROUND_ABOVE_ROWS,
                "--mosaic.imports.chunk-rows=" + CHUNK_ROWS,
                "--db-scheduler.polling-interval=100ms",
                "--db-scheduler.heartbeat-interval=1s",
                "--db-scheduler.missed-heartbeats-limit=4"));
        args.addAll(List.of(database.appArguments()));
        args.addAll(List.of(extra));
        return new RunningMosaic(SpringApplication.run(MosaicApplication.class, args.toArray(String[]::new)));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Sends JSON (or nothing) with the token. */
    public HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A workspace of a test's own, and its admin's API token. */
    public record Tenant(String id, String token) {
    }

    public Tenant newTenant() {
        String tenantId = "t-" + UUID.randomUUID().toString().substring(0, 12);
        bean(TenantService.class).create(tenantId, tenantId);
        TenantPrincipal admin = bean(UserService.class).create(tenantId, "admin@" + tenantId + ".example", "password",
                TenantPrincipal.Role.ADMIN);
        return new Tenant(tenantId, bean(ApiTokenService.class).issue(admin, "test").value());
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + path);
    }

    public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET without credentials, as a load balancer's health probe sends it. */
    public HttpResponse<String> getAnonymous(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode getJson(String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, token);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Posts a CSV body, as {@code curl --data-binary @file.csv -H 'Content-Type: text/csv'} does. */
    public HttpResponse<String> postCsv(String query, String token, String csv) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url("/api/v1/imports?" + query))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "text/csv; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a multipart form (a CSV upload) of this content type. */
    public HttpResponse<String> upload(String contentType, HttpRequest.BodyPublisher form, String token)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url("/api/v1/imports"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", contentType)
                        .POST(form)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        context.close();
    }
}
