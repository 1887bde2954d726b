package dev.mosaic.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.sync.EmulatedOrg;
import dev.mosaic.testing.Browser;
import dev.mosaic.testing.MosaicIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Settings → Integrations in a real browser, as an admin uses it: sign in, paste the guide's three values (a wrong
 * one first), watch the first sync finish on the page, and disconnect purging the data.
 */
class IntegrationsPageBrowserTest extends MosaicIntegrationTest {

    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void anAdminConnectsAnOrgWatchesItSyncAndDisconnectsIt() {
        try (EmulatedOrg org = new EmulatedOrg(71, 4)) {
            TenantAdmin admin = newTenantAdmin();
            WebDriver page = browser.driver();
            signIn(page, admin);
            browser.screenshot("home");
            page.findElement(By.linkText("Integrations")).click();
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Integrations");
            assertThat(page.getPageSource()).contains("No org is connected yet.");
            browser.screenshot("integrations-empty");
            Map<String, String> values = org.connectionValues();

            fillConnectForm(page, values, "not-the-secret");
            String refused = page.findElement(By.cssSelector(".connect .notice.error")).getText();
            assertThat(refused).containsIgnoringCase("secret");
            assertThat(page.findElement(By.id("clientId")).getAttribute("value")).isEqualTo(values.get("clientId"));
            assertThat(page.findElement(By.id("clientSecret")).getAttribute("value")).isEmpty();

            fillConnectForm(page, values, values.get("clientSecret"));
            assertThat(page.findElement(By.cssSelector(".notice.info")).getText()).contains("Connected to org " + org.orgId());
            // The card refreshes itself while the first sync runs (no reload of the page), so what was found may be replaced.
            new WebDriverWait(page, Duration.ofSeconds(90)).ignoring(StaleElementReferenceException.class).until(driver -> {
                List<WebElement> phases = driver.findElements(By.cssSelector(".connection table.progress .bar-cell .muted"));
                String status = driver.findElement(By.cssSelector(".connection .badge")).getText();
                return phases.size() >= 11 && status.equals("Connected")
                        && phases.stream().allMatch(phase -> phase.getText().equals("Up to date"));
            });
            browser.screenshot("integrations-synced");
            assertThat(page.findElement(By.cssSelector(".connection")).getText()).contains("Account", "Contact", "EmailMessage")
                    .contains("•••• set on");
            assertThat(page.getPageSource()).doesNotContain(values.get("clientSecret")).doesNotContain(values.get("refreshToken"));

            page.findElement(By.xpath("//summary[normalize-space()='Disconnect']")).click();
            page.findElement(By.cssSelector("input[name=data][value=purge]")).click();
            page.findElement(By.cssSelector("details[open] button.danger")).click();
            assertThat(page.findElement(By.cssSelector(".notice.info")).getText()).contains("being purged");
            new WebDriverWait(page, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(500)).until(driver -> {
                driver.navigate().refresh();
                return driver.findElement(By.cssSelector(".disconnected")).getText().contains("purged:");
            });
            browser.screenshot("integrations-purged");
            assertThat(page.getPageSource()).contains("No org is connected yet.");
        }
    }

    private void signIn(WebDriver page, TenantAdmin admin) {
        page.get(url("/login").toString());
        page.findElement(By.id("workspace")).clear();
        page.findElement(By.id("workspace")).sendKeys(admin.tenantId());
        page.findElement(By.id("email")).sendKeys(admin.email());
        page.findElement(By.id("password")).sendKeys(admin.password());
        page.findElement(By.cssSelector("form button[type=submit]")).click();
        assertThat(page.findElement(By.cssSelector(".topbar .who")).getText()).contains(admin.email());
    }

    private static void fillConnectForm(WebDriver page, Map<String, String> values, String secret) {
        WebElement loginUrl = page.findElement(By.id("loginUrl"));
        loginUrl.clear();
        loginUrl.sendKeys(values.get("loginUrl"));
        WebElement clientId = page.findElement(By.id("clientId"));
        clientId.clear();
        clientId.sendKeys(values.get("clientId"));
        page.findElement(By.id("clientSecret")).sendKeys(secret);
        page.findElement(By.id("refreshToken")).sendKeys(values.get("refreshToken"));
        page.findElement(By.cssSelector("#connect-form button[type=submit]")).click();
    }
}
