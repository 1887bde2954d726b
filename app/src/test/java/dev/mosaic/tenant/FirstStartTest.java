package dev.mosaic.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mosaic.MosaicApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A new user's first start: no database configured, so Mosaic runs its embedded PostgreSQL in the data
 * directory, creates the admin, and shows the generated secrets once.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTest {

    private static final Pattern PRINTED_TOKEN = Pattern.compile("API token:\\s+(\\S+)");
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void firstStartCreatesTheAdminOnceAndARestartKeepsTheDataWithoutPrintingSecretsAgain(
            @TempDir Path dataDir, CapturedOutput output) throws Exception {
        String firstToken;
        String laterToken;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            String printed = output.getOut();
            assertThat(printed).contains("Created tenant 'default' and its admin admin@mosaic.local")
                    .contains("admin password:");
            Matcher token = PRINTED_TOKEN.matcher(printed);
            assertThat(token.find()).as("the generated API token is printed").isTrue();
            firstToken = token.group(1);
            assertThat(me(first, firstToken).statusCode()).isEqualTo(200);

            TenantPrincipal admin = first.getBean(ApiTokenService.class).authenticate(firstToken).orElseThrow();
            laterToken = first.getBean(ApiTokenService.class).issue(admin, "made before the restart").value();
        }
        int printedBeforeRestart = output.getOut().length();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            String printedAfterRestart = output.getOut().substring(printedBeforeRestart);
            assertThat(printedAfterRestart).doesNotContain("first start").doesNotContain("API token:")
                    .doesNotContain(firstToken);
            assertThat(second.getBean(DSLContext.class).fetchCount(org.jooq.impl.DSL.table("app_user"))).isEqualTo(1);

            HttpResponse<String> me = me(second, firstToken);
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(json.readTree(me.body()).path("email").asText()).isEqualTo("admin@mosaic.local");
            assertThat(me(second, laterToken).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void adminValuesFromTheEnvironmentAreUsedAndNeverPrinted(@TempDir Path dataDir, CapturedOutput output)
            throws Exception {
        String token = "mosaic_default_operator-chosen-token-1234567890";
        try (ConfigurableApplicationContext app = start(dataDir,
                "--mosaic.admin.email=Boss@Example.com",
                "--mosaic.admin.password=operator-chosen-password",
                "--mosaic.admin.token=" + token)) {
            assertThat(output.getOut()).contains("Created tenant 'default' and its admin Boss@Example.com")
                    .doesNotContain("operator-chosen-password")
                    .doesNotContain(token);
            assertThat(output.getAll()).doesNotContain("operator-chosen-password").doesNotContain(token);

            HttpResponse<String> me = me(app, token);
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(json.readTree(me.body()).path("email").asText()).isEqualTo("boss@example.com");
            assertThat(app.getBean(UserService.class)
                    .verifyPassword("default", "boss@example.com", "operator-chosen-password")).isPresent();
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... extra) {
        String[] base = {"--server.port=0", "--mosaic.data-dir=" + dataDir};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return SpringApplication.run(MosaicApplication.class, args);
    }

    private HttpResponse<String> me(ConfigurableApplicationContext app, String token) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
