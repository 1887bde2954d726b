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
 * one first), watch the first sync finish on the page, and disconnect purging the data; or connect with the OAuth
 * button through Salesforce's own login and approval pages.
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
            awaitText(page, By.cssSelector(".connect .notice.error"), "secret");
            assertThat(page.findElement(By.id("clientId")).getAttribute("value")).isEqualTo(values.get("clientId"));
            assertThat(page.findElement(By.id("clientSecret")).getAttribute("value")).isEmpty();

            fillConnectForm(page, values, values.get("clientSecret"));
            awaitText(page, By.cssSelector(".notice.info"), "Connected to org " + org.orgId());
            // The card refreshes itself while the first sync runs (no reload of the page), so what was found may be replaced.
            new WebDriverWait(page, Duration.ofSeconds(90)).ignoring(StaleElementReferenceException.class).until(driver -> {
                List<WebElement> phases = driver.findElements(By.cssSelector(".connection table.progress .bar-cell .muted"));
                String status = driver.findElement(By.cssSelector(".connection .badge")).getText();
                return phases.size() >= 11 && status.equals("Connected")
                        && phases.stream().allMatch(phase -> phase.getText().equals("Up to date"));
            });
            browser.screenshot("integrations-synced");
            assertThat(textOf(page, By.cssSelector(".connection"))).contains("Account", "Contact", "EmailMessage")
                    .contains("•••• set on");
            assertThat(page.getPageSource()).doesNotContain(values.get("clientSecret")).doesNotContain(values.get("refreshToken"));

            page.findElement(By.xpath("//summary[normalize-space()='Disconnect']")).click();
            page.findElement(By.cssSelector("input[name=data][value=purge]")).click();
            page.findElement(By.cssSelector("details[open] button.danger")).click();
            awaitText(page, By.cssSelector(".notice.info"), "being purged");
            new WebDriverWait(page, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(500)).until(driver -> {
                driver.navigate().refresh();
                return driver.findElement(By.cssSelector(".disconnected")).getText().contains("purged:");
            });
            browser.screenshot("integrations-purged");
            assertThat(page.getPageSource()).contains("No org is connected yet.");
        }
    }

    @Test
    void connectWithSalesforceAsksSalesforceForApprovalAndComesBackConnected() {
        try (EmulatedOrg org = new EmulatedOrg(72, 2)) {
            TenantAdmin admin = newTenantAdmin();
            WebDriver page = browser.driver();
            signIn(page, admin);
            page.get(url("/settings/integrations").toString());
            assertThat(page.findElement(By.cssSelector(".oauth code")).getText())
                    .isEqualTo(url("/settings/integrations/salesforce/callback").toString());

            startOAuth(page, org);
            waitFor(page, By.id("oadeny")).click();
            awaitText(page, By.cssSelector(".notice.error"), "did not grant access");

            startOAuth(page, org);
            browser.screenshot("salesforce-approval");
            waitFor(page, By.id("oaapprove")).click();

            awaitText(page, By.cssSelector(".notice.info"), "Connected to org " + org.orgId());
            assertThat(page.getCurrentUrl()).startsWith(url("/settings/integrations").toString());
            assertThat(page.findElement(By.cssSelector(".connection h3")).getText()).contains(org.orgId());
            assertThat(page.getPageSource()).doesNotContain(org.credentials().clientSecret());
        }
    }

    /** Fills the consumer key and secret, clicks "Connect with Salesforce" and signs in at Salesforce's login page. */
    private static void startOAuth(WebDriver page, EmulatedOrg org) {
        WebElement loginUrl = page.findElement(By.id("loginUrl"));
        loginUrl.clear();
        loginUrl.sendKeys(org.connectionValues().get("loginUrl"));
        page.findElement(By.id("clientId")).sendKeys(org.credentials().clientId());
        page.findElement(By.id("clientSecret")).sendKeys(org.credentials().clientSecret());
        page.findElement(By.id("connect-oauth")).click();
        WebElement username = waitFor(page, By.id("username"));
        username.clear();
        username.sendKeys(org.credentials().username());
        page.findElement(By.id("password")).sendKeys(org.credentials().password());
        page.findElement(By.id("Login")).click();
    }

    /** The element once the page shows it: a click that submits a form returns before the next page is there. */
    private static WebElement waitFor(WebDriver page, By locator) {
        return new WebDriverWait(page, Duration.ofSeconds(15)).until(driver -> driver.findElement(locator));
    }

    /** Waits until the element shows the text: the page it is on may still be loading, or replacing the element. */
    private static void awaitText(WebDriver page, By locator, String expected) {
        new WebDriverWait(page, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> locator + " never showed '" + expected + "'")
                .until(driver -> driver.findElements(locator).stream().anyMatch(e -> e.getText().contains(expected)));
    }

    /** The text of an element the page may be replacing as it refreshes itself. */
    private static String textOf(WebDriver page, By locator) {
        return new WebDriverWait(page, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(locator).getText());
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
        page.findElement(By.id("connect-paste")).click();
    }
}
