package dev.mosaic.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.testing.BrowserTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Settings → Users and API tokens in a real browser: a token shown once, used, seen as used, and revoked; a person
 * added as a member, who signs in and may change nothing.
 */
class UsersAndTokensBrowserTest extends BrowserTest {

    @Test
    void aTokenIsShownOnceWorksUntilRevokedAndShowsItsLastUse() throws Exception {
        TenantAdmin admin = newTenantAdmin();
        WebDriver page = page();
        signIn(admin.tenantId(), admin.email(), admin.password());
        go(By.linkText("Users"));
        page.findElement(By.id("token-name")).sendKeys("nightly import");
        go(By.cssSelector(".inline-form button"));

        String token = waitFor(By.id("new-token")).getText();
        browser.screenshot("users-new-token");
        assertThat(get("/api/v1/me", token).statusCode()).isEqualTo(200);
        page.navigate().refresh();
        assertThat(page.findElements(By.id("new-token"))).as("the token is shown once").isEmpty();
        assertThat(page.getPageSource()).doesNotContain(token);
        WebElement row = tokenRow(page, "nightly import");
        assertThat(row.getText()).contains("just now");

        go(row.findElement(By.tagName("button")));
        waitFor(By.cssSelector(".notice.info"));
        assertThat(get("/api/v1/me", token).statusCode()).isEqualTo(401);
        assertThat(page.findElements(By.cssSelector("#tokens td"))).noneMatch(cell -> cell.getText().equals("nightly import"));
    }

    @Test
    void anAdminPutsTheSourcesInTheOrderTheyTrustThem() throws Exception {
        TenantAdmin admin = newTenantAdmin();
        call("POST", "/api/v1/ingest/crm", admin.token(), Map.of("organizations", List.of(Map.of("externalId", "o-1",
                "name", "Acme", "domain", "acme-widgets.com", "industry", "Software"))));
        call("POST", "/api/v1/ingest/erp", admin.token(), Map.of("organizations", List.of(Map.of("externalId", "E-1",
                "name", "Acme", "domain", "acme-widgets.com", "industry", "Hardware"))));
        call("PUT", "/api/v1/settings/trusted-sources", admin.token(), Map.of("sources", List.of("crm", "erp")));
        String acme = getJson("/api/v1/external/crm/organization/o-1", admin.token()).path("id").asText();
        WebDriver page = page();
        signIn(admin.tenantId(), admin.email(), admin.password());
        page.get(url("/settings/users").toString());
        assertThat(page.findElement(By.cssSelector("ol.trusted")).getText()).startsWith("crm");

        go(By.cssSelector("button[aria-label='Trust erp more']"));

        awaitText(By.cssSelector(".notice.info"), "erp › crm");
        assertThat(page.findElement(By.cssSelector("ol.trusted")).getText()).startsWith("erp");
        assertThat(getJson("/api/v1/organizations/" + acme, admin.token()).path("fields").path("industry").path("value")
                .asText()).isEqualTo("Hardware");
    }

    @Test
    void anAdminAddsAMemberWhoSignsInAndMayChangeNothing() {
        TenantAdmin admin = newTenantAdmin();
        WebDriver page = page();
        signIn(admin.tenantId(), admin.email(), admin.password());
        page.get(url("/settings/users").toString());
        page.findElement(By.id("email")).sendKeys("sam@example.com");
        new Select(page.findElement(By.id("role"))).selectByValue("member");
        page.findElement(By.id("password")).sendKeys("a long first password");
        go(By.cssSelector(".add-user button"));
        assertThat(waitFor(By.cssSelector(".notice.info")).getText()).contains("sam@example.com can sign in");
        assertThat(page.findElement(By.id("users")).getText()).contains("sam@example.com", "member");
        browser.screenshot("users-added");

        signIn(admin.tenantId(), "sam@example.com", "a long first password");
        page.get(url("/settings/users").toString());
        assertThat(page.findElements(By.cssSelector(".add-user"))).isEmpty();
        assertThat(page.findElements(By.cssSelector("#users button"))).isEmpty();
        assertThat(page.findElements(By.cssSelector("#trusted button"))).isEmpty();
        page.get(url("/settings/integrations").toString());
        assertThat(page.findElements(By.id("connect-form"))).isEmpty();
        assertThat(page.getPageSource()).contains("Only a workspace admin can connect or disconnect orgs.");
    }

    @Test
    void theOperatorCreatesAWorkspaceWhoseAdminSignsInToAnEmptyOne() {
        String workspace = "team-" + Long.toString(System.nanoTime(), 36);
        WebDriver page = page();
        signIn("default", ADMIN_EMAIL, ADMIN_PASSWORD);
        page.get(url("/settings/users").toString());
        page.findElement(By.id("ws-id")).sendKeys(workspace);
        page.findElement(By.id("ws-name")).sendKeys("Team Blue");
        page.findElement(By.id("ws-email")).sendKeys("lead@blue.example");
        page.findElement(By.id("ws-password")).sendKeys("blue team first password");
        go(By.cssSelector("#workspaces button"));
        assertThat(waitFor(By.cssSelector(".notice.info")).getText()).contains("Workspace " + workspace + " is ready");
        browser.screenshot("workspace-created");

        signIn(workspace, "lead@blue.example", "blue team first password");
        page.get(url("/organizations").toString());
        assertThat(page.getPageSource()).contains("Nothing here yet.");
        page.get(url("/settings/users").toString());
        assertThat(page.findElement(By.id("users")).getText()).contains("lead@blue.example", "admin");
        assertThat(page.findElements(By.id("workspaces"))).as("only the operator makes workspaces").isEmpty();
    }

    private static WebElement tokenRow(WebDriver page, String name) {
        return page.findElements(By.cssSelector("#tokens tbody tr")).stream()
                .filter(row -> row.getText().startsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no token row " + name));
    }
}
