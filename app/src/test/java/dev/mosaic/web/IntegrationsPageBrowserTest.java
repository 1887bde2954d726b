package dev.mosaic.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.sync.EmulatedOrg;
import dev.mosaic.testing.BrowserTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Settings → Integrations in a real browser, as an admin uses it: sign in, paste the guide's three values (a wrong
 * one first) and the org's Pub/Sub API, watch the first sync finish on the page and the streamed objects go live, and
 * disconnect purging the data; or connect with the OAuth button through Salesforce's own login and approval pages.
 */
class IntegrationsPageBrowserTest extends BrowserTest {

    @Test
    void anAdminConnectsAnOrgWatchesItSyncAndDisconnectsIt() throws Exception {
        try (EmulatedOrg org = new EmulatedOrg(71, 4)) {
            TenantAdmin admin = newTenantAdmin();
            WebDriver page = page();
            signIn(admin.tenantId(), admin.email(), admin.password());
            browser.screenshot("home");
            go(By.linkText("Integrations"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Integrations");
            assertThat(page.getPageSource()).contains("No org is connected yet.");
            browser.screenshot("integrations-empty");
            Map<String, String> values = org.streamingConnectionValues();

            fillConnectForm(page, values, "not-the-secret");
            awaitText(By.cssSelector(".connect .notice.error"), "secret");
            assertThat(page.findElement(By.id("clientId")).getAttribute("value")).isEqualTo(values.get("clientId"));
            assertThat(page.findElement(By.id("clientSecret")).getAttribute("value")).isEmpty();

            fillConnectForm(page, values, values.get("clientSecret"));
            awaitText(By.cssSelector(".notice.info"), "Connected to org " + org.orgId());
            // The card refreshes itself while the first sync runs (no reload of the page), so what was found may be replaced.
            new WebDriverWait(page, Duration.ofSeconds(90)).ignoring(StaleElementReferenceException.class).until(driver -> {
                List<WebElement> phases = driver.findElements(By.cssSelector(".connection table.progress .bar-cell .muted"));
                String status = driver.findElement(By.cssSelector(".connection .badge")).getText();
                return phases.size() >= 11 && status.equals("Connected")
                        && phases.stream().allMatch(phase -> phase.getText().matches("Up to date|Live"));
            });
            // The stream stands once the initial load is done; the page shows it at its next load.
            new WebDriverWait(page, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(500)).until(driver -> {
                driver.navigate().refresh();
                return rowOf(driver, "Account").contains("Live");
            });
            browser.screenshot("integrations-synced");
            assertThat(rowOf(page, "Contact")).as("an object the org publishes change events for").contains("Live");
            assertThat(rowOf(page, "Note")).as("Salesforce publishes none for notes: polled").contains("Up to date")
                    .doesNotContain("Live");
            assertThat(textOf(By.cssSelector(".connection"))).contains("Account", "Contact", "EmailMessage")
                    .contains("•••• set on");
            assertThat(page.getPageSource()).doesNotContain(values.get("clientSecret")).doesNotContain(values.get("refreshToken"));

            // A record Salesforce changes that Mosaic cannot take (a NUL in a name, which only REST carries) is set aside.
            String unmappable = org.create("Contact", Map.of("LastName", "Null\u0000Byte", "Email", "nul@example.com"));
            go(By.xpath("//button[normalize-space()='Sync now']"));
            awaitText(By.cssSelector(".notice.info"), "round");
            new WebDriverWait(page, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(500)).until(driver -> {
                driver.navigate().refresh();
                return !driver.findElements(By.linkText("records the sync could not map")).isEmpty();
            });
            go(By.linkText("records the sync could not map"));
            assertThat(waitFor(By.id("quarantined")).getText()).contains("Contact " + unmappable, "lastName");
            browser.screenshot("quarantine");

            page.get(url("/").toString());
            awaitFiguresComputed();
            long organizations = getJson("/api/v1/organizations?limit=1", admin.token()).path("total").asLong();
            assertThat(organizations).isPositive();
            assertThat(page.findElement(By.cssSelector(".counts")).getText())
                    .contains(String.format(java.util.Locale.ROOT, "%,d%nOrganizations", organizations), "Contacts", "Interactions");
            assertThat(page.findElement(By.cssSelector(".sources")).getText()).contains("Salesforce org " + org.orgId());
            browser.screenshot("home-synced");
            go(By.linkText("Integrations"));

            waitFor(By.xpath("//summary[normalize-space()='Disconnect']")).click();
            page.findElement(By.cssSelector("input[name=data][value=purge]")).click();
            go(By.cssSelector("details[open] button.danger"));
            awaitText(By.cssSelector(".notice.info"), "being purged");
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
            WebDriver page = page();
            signIn(admin.tenantId(), admin.email(), admin.password());
            page.get(url("/settings/integrations").toString());
            assertThat(page.findElement(By.cssSelector(".oauth code")).getText())
                    .isEqualTo(url("/settings/integrations/salesforce/callback").toString());

            startOAuth(page, org);
            go(By.id("oadeny"));
            awaitText(By.cssSelector(".notice.error"), "did not grant access");

            startOAuth(page, org);
            browser.screenshot("salesforce-approval");
            go(By.id("oaapprove"));

            awaitText(By.cssSelector(".notice.info"), "Connected to org " + org.orgId());
            assertThat(page.getCurrentUrl()).startsWith(url("/settings/integrations").toString());
            assertThat(page.findElement(By.cssSelector(".connection h3")).getText()).contains(org.orgId());
            assertThat(page.getPageSource()).doesNotContain(org.credentials().clientSecret());
        }
    }

    /** Fills the consumer key and secret, clicks "Connect with Salesforce" and signs in at Salesforce's login page. */
    private void startOAuth(WebDriver page, EmulatedOrg org) {
        WebElement loginUrl = page.findElement(By.id("loginUrl"));
        loginUrl.clear();
        loginUrl.sendKeys(org.connectionValues().get("loginUrl"));
        page.findElement(By.id("clientId")).sendKeys(org.credentials().clientId());
        page.findElement(By.id("clientSecret")).sendKeys(org.credentials().clientSecret());
        go(By.id("connect-oauth"));
        WebElement username = waitFor(By.id("username"));
        username.clear();
        username.sendKeys(org.credentials().username());
        page.findElement(By.id("password")).sendKeys(org.credentials().password());
        go(By.id("Login"));
    }

    /** The text of an object's line in the connection's progress table. */
    private static String rowOf(WebDriver page, String object) {
        return page.findElement(By.xpath("//table[contains(@class,'progress')]//tr[td[1][normalize-space()='" + object
                + "']]")).getText();
    }

    private void fillConnectForm(WebDriver page, Map<String, String> values, String secret) {
        WebElement loginUrl = page.findElement(By.id("loginUrl"));
        loginUrl.clear();
        loginUrl.sendKeys(values.get("loginUrl"));
        WebElement clientId = page.findElement(By.id("clientId"));
        clientId.clear();
        clientId.sendKeys(values.get("clientId"));
        page.findElement(By.id("clientSecret")).sendKeys(secret);
        page.findElement(By.id("refreshToken")).sendKeys(values.get("refreshToken"));
        WebElement pubsub = page.findElement(By.id("pubsubEndpoint"));
        pubsub.clear();
        pubsub.sendKeys(values.get("pubsubEndpoint"));
        go(By.id("connect-paste"));
    }
}
