package dev.mosaic.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.testing.BrowserTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** A second workspace sees none of the first's customers, in the browser and through the API, even by guessed ids. */
class WorkspaceIsolationBrowserTest extends BrowserTest {

    @Test
    void anotherWorkspaceSeesNoneOfItEvenByGuessingIds() throws Exception {
        TenantAdmin first = newTenantAdmin();
        TenantAdmin second = newTenantAdmin();
        call("POST", "/api/v1/ingest/crm", first.token(), Map.of("organizations", List.of(Map.of("externalId", "o-1",
                "name", "Secret Customer Inc", "domain", "secret-customer.com"))));
        String secret = getJson("/api/v1/external/crm/organization/o-1", first.token()).path("id").asText();
        WebDriver page = page();
        signIn(second.tenantId(), second.email(), second.password());

        page.get(url("/organizations").toString());
        assertThat(page.getPageSource()).doesNotContain("Secret Customer");
        page.get(url("/organizations?q=secret").toString());
        assertThat(page.findElement(By.cssSelector(".card.list")).getText()).contains("Nothing matches");
        page.get(url("/organizations/" + secret).toString());
        assertThat(page.getPageSource()).doesNotContain("Secret Customer").contains("no entity");
        page.get(url("/").toString());
        assertThat(page.getPageSource()).contains("Your customer graph is empty");

        assertThat(get("/api/v1/organizations/" + secret, second.token()).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/organizations/" + secret + "/timeline", second.token()).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/external/crm/organization/o-1", second.token()).statusCode()).isEqualTo(404);
        assertThat(getJson("/api/v1/organizations?q=secret", second.token()).path("total").asInt()).isZero();
        assertThat(getJson("/api/v1/organizations", first.token()).path("items").get(0).path("type").asText())
                .as("a list names kinds as a detail does").isEqualTo("organization");
    }
}
