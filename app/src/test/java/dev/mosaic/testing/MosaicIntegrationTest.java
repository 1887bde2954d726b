package dev.mosaic.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import java.util.UUID;
import dev.mosaic.tenant.ApiTokenService;
import dev.mosaic.tenant.TenantPrincipal;
import dev.mosaic.tenant.TenantService;
import dev.mosaic.tenant.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that share one running Mosaic: the real app on a random port, over real HTTP, on
 * a real PostgreSQL. Subclasses inherit one configuration, so Spring starts the app once for all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class MosaicIntegrationTest {

    protected static final String ADMIN_EMAIL = "admin@example.com";
    protected static final String ADMIN_PASSWORD = "correct horse battery staple";
    protected static final String ADMIN_TOKEN = "mosaic_default_integration-test-admin-token";
    protected static final ObjectMapper JSON = new ObjectMapper();

    private static final Optional<String> DATABASE_URL = TestDatabases.freshExternalDatabase();
    private static final String DATA_DIR = newTempDir();

    @LocalServerPort
    protected int port;

    @Autowired
    private TenantService tenants;
    @Autowired
    private UserService users;
    @Autowired
    private ApiTokenService tokens;

    protected final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void mosaicSettings(DynamicPropertyRegistry registry) {
        DATABASE_URL.ifPresent(url -> {
            registry.add("mosaic.db.url", () -> url);
            registry.add("mosaic.db.user", TestDatabases::user);
        });
        registry.add("mosaic.data-dir", () -> DATA_DIR);
        registry.add("mosaic.admin.email", () -> ADMIN_EMAIL);
        registry.add("mosaic.admin.password", () -> ADMIN_PASSWORD);
        registry.add("mosaic.admin.token", () -> ADMIN_TOKEN);
        // Salesforce emulators of the tests listen on 127.0.0.1; rounds run when a test asks, and retries wait little.
        registry.add("mosaic.salesforce.allowed-hosts", () -> "127.0.0.1");
        registry.add("mosaic.salesforce.sync-interval", () -> "1h");
        registry.add("mosaic.salesforce.retry-pause", () -> "20ms");
        // Small orgs still take several Bulk pages and chunks per object, so resuming between them is tested.
        registry.add("mosaic.salesforce.chunk-records", () -> "10");
        registry.add("mosaic.salesforce.bulk-page-records", () -> "25");
        // The emulators keep their change streams alive every second: three silent seconds mean a stalled stream.
        registry.add("mosaic.salesforce.stream-watchdog", () -> "3s");
        // Few enough that a test can go past them. Streams of earlier test classes, whose orgs are closed, only retry
        // every few seconds and hold a place for moments: tests wait for states, never for an instant.
        registry.add("mosaic.salesforce.max-streams", () -> "2");
    }

    /** A fresh tenant with an admin; returns its API token, so each test works on data of its own. */
    protected String newTenantToken() {
        return newTenantAdmin().token();
    }

    /** A fresh tenant with an admin who can sign in with a password, and the admin's API token. */
    protected TenantAdmin newTenantAdmin() {
        String tenantId = "t-" + UUID.randomUUID().toString().substring(0, 12);
        tenants.create(tenantId, tenantId);
        String email = "admin@" + tenantId + ".example";
        TenantPrincipal admin = users.create(tenantId, email, "password", TenantPrincipal.Role.ADMIN);
        return new TenantAdmin(tenantId, email, "password", tokens.issue(admin, "test").value());
    }

    /** A member (not an admin) of the workspace; returns their API token. */
    protected String newMemberToken(String tenantId) {
        TenantPrincipal member = users.create(tenantId, "member-" + UUID.randomUUID().toString().substring(0, 8) + "@"
                + tenantId + ".example", "password", TenantPrincipal.Role.MEMBER);
        return tokens.issue(member, "test").value();
    }

    /** A workspace's admin: how to sign in, and an API token. */
    protected record TenantAdmin(String tenantId, String email, String password, String token) {
    }

    protected URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected HttpResponse<String> get(String path, String bearerToken) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).GET();
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> send(String method, String path, String bearerToken, Object body)
            throws IOException, InterruptedException {
        String text = body instanceof String string ? string : JSON.writeValueAsString(body);
        return http.send(HttpRequest.newBuilder(url(path))
                        .header("Authorization", "Bearer " + bearerToken)
                        .header("Content-Type", "application/json")
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a CSV body in UTF-8, as {@code curl --data-binary @file.csv -H 'Content-Type: text/csv'} does. */
    protected HttpResponse<String> postCsv(String path, String bearerToken, String csv) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(path))
                        .header("Authorization", "Bearer " + bearerToken)
                        .header("Content-Type", "text/csv; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends and expects a 2xx answer, returning its JSON. */
    protected JsonNode call(String method, String path, String bearerToken, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, bearerToken, body);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    protected JsonNode getJson(String path, String bearerToken) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, bearerToken);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    protected static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static String newTempDir() {
        try {
            return Files.createTempDirectory("mosaic-it").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
