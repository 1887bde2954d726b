package dev.mosaic.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mosaic.testing.BrowserTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The API's OpenAPI description, for a script with a token and as a page for a signed-in person. */
class ApiDocsBrowserTest extends BrowserTest {

    @Test
    void theDescriptionNamesEveryCallAndTheOneErrorShape() throws Exception {
        JsonNode api = getJson("/v3/api-docs", ADMIN_TOKEN);

        assertThat(api.path("paths").has("/api/v1/connections/salesforce")).isTrue();
        assertThat(api.path("paths").has("/api/v1/ingest/{source}")).isTrue();
        assertThat(api.path("components").path("schemas").path("ApiError").path("properties").has("error")).isTrue();
        assertThat(api.path("paths").path("/api/v1/connections/salesforce/{id}").toString()).contains("#/components/schemas/ApiError");
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(401);
    }

    @Test
    void everyCallSaysWhatItDoes() throws Exception {
        JsonNode paths = getJson("/v3/api-docs", ADMIN_TOKEN).path("paths");
        List<String> undescribed = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (operation.getValue().path("description").asText().isBlank()) {
                undescribed.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));

        assertThat(paths.size()).isGreaterThan(20);
        assertThat(undescribed).isEmpty();
        assertThat(paths.path("/api/v1/organizations/figures").path("get").path("description").asText())
                .contains("open pipeline");
    }

    @Test
    void aSignedInPersonReadsTheApiInTheBrowser() {
        TenantAdmin admin = newTenantAdmin();
        WebDriver page = page();
        signIn(admin.tenantId(), admin.email(), admin.password());

        go(By.linkText("API"));

        new WebDriverWait(page, Duration.ofSeconds(30)).until(driver -> driver.getPageSource().contains("Mosaic API")
                && !driver.findElements(By.cssSelector(".opblock")).isEmpty());
        browser.screenshot("api-docs");
        assertThat(page.getPageSource()).contains("/api/v1/connections/salesforce");
    }
}
