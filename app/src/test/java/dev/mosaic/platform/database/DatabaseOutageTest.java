package dev.mosaic.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.testing.CuttableLink;
import dev.mosaic.testing.RunningMosaic;
import dev.mosaic.testing.TestPostgres;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a running Mosaic (its host crashed, the network between them broke, it was restarted)
 * and comes back. Meanwhile calls fail fast with a clear answer and health says DOWN; afterwards Mosaic works again by
 * itself, and nothing it acknowledged is missing.
 */
class DatabaseOutageTest {

    private static TestPostgres database;
    private static CuttableLink link;
    private static RunningMosaic app;

    @BeforeAll
    static void start() throws Exception {
        database = TestPostgres.create();
        link = CuttableLink.to(database.address().getHostString(), database.address().getPort());
        app = RunningMosaic.start(database.through(link.port()));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        link.close();
        database.close();
    }

    @Test
    void whileTheDatabaseIsAwayCallsAnswer503AndHealthIsDownThenMosaicRecoversWithNothingAcknowledgedLost() throws Exception {
        RunningMosaic.Tenant tenant = app.newTenant();
        List<String> acknowledged = new ArrayList<>();
        assertThat(ingest(tenant, "before-1", "before-2").statusCode()).isEqualTo(200);
        acknowledged.addAll(List.of("before-1", "before-2"));

        Browser signedIn = new Browser();
        assertThat(signedIn.signIn(tenant).headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/"));

        link.cut();
        HttpResponse<String> health = app.getAnonymous("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"DOWN\"");
        HttpResponse<String> refused = ingest(tenant, "during-1");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        JsonNode error = RunningMosaic.JSON.readTree(refused.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("database_unavailable");
        assertThat(error.path("message").asText()).contains("database").contains("Nothing of this request was saved");
        HttpResponse<String> page = signedIn.get("/organizations");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("Mosaic cannot reach its database", "Nothing of this request was saved");
        HttpResponse<String> signIn = new Browser().signIn(tenant);
        assertThat(signIn.statusCode()).as("not 'wrong password', which would be a lie").isEqualTo(503);
        assertThat(signIn.body()).contains("Mosaic cannot reach its database");

        link.restore();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> app.getAnonymous("/actuator/health").statusCode() == 200);
        assertThat(ingest(tenant, "after-1").statusCode()).isEqualTo(200);
        acknowledged.add("after-1");

        for (String id : acknowledged) {
            assertThat(app.get("/api/v1/external/crm/contact/" + id, tenant.token()).statusCode()).as(id).isEqualTo(200);
        }
    }

    /** A person's browser: cookies kept, redirects shown. */
    private static final class Browser {

        private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(app.url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The sign-in form filled in as the tenant's admin (RunningMosaic's password). */
        HttpResponse<String> signIn(RunningMosaic.Tenant tenant) throws Exception {
            Matcher csrf = CSRF_FIELD.matcher(get("/login").body());
            assertThat(csrf.find()).isTrue();
            String form = "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&workspace=" + tenant.id()
                    + "&email=" + URLEncoder.encode("admin@" + tenant.id() + ".example", StandardCharsets.UTF_8)
                    + "&password=password";
            return client.send(HttpRequest.newBuilder(app.url("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static HttpResponse<String> ingest(RunningMosaic.Tenant tenant, String... ids) throws Exception {
        List<Map<String, Object>> contacts = new ArrayList<>();
        for (String id : ids) {
            contacts.add(Map.of("externalId", id, "name", "Contact " + id, "email", id + "@example.com"));
        }
        return app.send("POST", "/api/v1/ingest/crm", tenant.token(),
                RunningMosaic.JSON.writeValueAsString(Map.of("contacts", contacts)));
    }
}
