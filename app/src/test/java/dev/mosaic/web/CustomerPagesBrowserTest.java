package dev.mosaic.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.testing.BrowserTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The customer pages in a real browser: find an organization by searching, and see it whole on its 360 page, with
 * what two sources say about it, its people and deals, its timeline and links back to each source record.
 */
class CustomerPagesBrowserTest extends BrowserTest {

    @Test
    void anOrganizationIsFoundBySearchAndShownWholeWithWhatEachSourceSays() throws Exception {
        TenantAdmin admin = newTenantAdmin();
        call("POST", "/api/v1/ingest/crm", admin.token(), Map.of(
                "organizations", List.of(Map.of("externalId", "o-1", "name", "Analytical Engines", "domain",
                        "analytical-engines.com", "industry", "Computing", "url", "https://crm.example/o-1")),
                "contacts", List.of(Map.of("externalId", "c-1", "firstName", "Ada", "lastName", "Lovelace", "email",
                        "ada@analytical-engines.com", "title", "Chief Mathematician", "organization", "o-1")),
                "deals", List.of(Map.of("externalId", "d-1", "name", "Difference Engine No. 2", "stage", "Negotiation",
                        "amount", 17000, "currency", "GBP", "organization", "o-1")),
                "interactions", List.of(Map.of("externalId", "i-1", "type", "meeting", "subject", "Notes on the engine",
                        "occurredAt", "2026-11-20T10:00:00Z", "organization", "o-1", "contacts", List.of("c-1")))));
        call("POST", "/api/v1/ingest/erp", admin.token(), Map.of("organizations", List.of(Map.of("externalId", "E-77",
                "name", "Analytical Engines Ltd", "domain", "analytical-engines.com", "industry", "Manufacturing"))));
        for (int i = 0; i < 3; i++) {
            call("POST", "/api/v1/ingest/crm", admin.token(), Map.of("organizations",
                    List.of(Map.of("externalId", "other-" + i, "name", "Babbage & Sons " + i))));
        }
        WebDriver page = page();
        signIn(admin.tenantId(), admin.email(), admin.password());

        go(By.linkText("Organizations"));
        assertThat(page.findElement(By.id("results")).getText()).contains("Babbage & Sons 0", "Analytical Engines");
        // The figures are computed in the background; the list refreshes itself until they are there.
        awaitText(cell("Analytical Engines", "open"), "GBP 17k");
        assertThat(textOf(cell("Analytical Engines", "contacts"))).isEqualTo("1");
        assertThat(textOf(cell("Analytical Engines", "last"))).isNotEmpty();
        assertThat(textOf(cell("Analytical Engines", "sources"))).contains("crm", "erp");
        go(By.cssSelector("a.sort[href*='sort=open-pipeline']"));
        assertThat(textOf(By.cssSelector("#results tbody tr:first-child td.name"))).startsWith("Analytical Engines");
        browser.screenshot("organizations");
        page.findElement(By.name("q")).sendKeys("analytical");
        go(By.cssSelector("form.search button"));
        assertThat(waitFor(By.cssSelector(".card.list p")).getText()).startsWith("1–1 of 1");
        browser.screenshot("organizations-search");
        go(By.partialLinkText("Analytical Engines"));

        assertThat(waitFor(By.cssSelector("h1")).getText()).startsWith("Analytical Engines");
        WebElement industry = fieldValue(page, "Industry");
        assertThat(List.of("Computing", "Manufacturing")).contains(industry.getText());
        assertThat(industry.getAttribute("title")).contains("Other sources say:");
        assertThat(page.findElement(By.cssSelector("aside")).getText())
                .contains("People", "Ada Lovelace", "Chief Mathematician", "Deals", "Difference Engine No. 2", "Negotiation",
                        "GBP 17,000");
        assertThat(page.findElement(By.cssSelector("a[href='https://crm.example/o-1']")).getText()).contains("o-1");
        assertThat(page.findElement(By.id("timeline")).getText()).contains("Notes on the engine");
        browser.screenshot("organization-360");

        go(By.cssSelector(".merges button"));
        awaitText(By.cssSelector(".notice.info"), "Unmerged");
        assertThat(page.findElements(By.cssSelector(".sources-list li"))).hasSize(1);
        browser.screenshot("organization-unmerged");
        go(By.linkText("See the other one"));
        assertThat(waitFor(By.cssSelector("h1")).getText()).startsWith("Analytical Engines");
        assertThat(page.findElements(By.cssSelector(".sources-list li"))).hasSize(1);
        assertThat(page.findElement(By.cssSelector(".sources-list")).getText()).contains("erp");

        page.navigate().back();
        go(By.linkText("Ada Lovelace"));
        assertThat(waitFor(By.cssSelector("h1")).getText()).isEqualTo("Ada Lovelace");
        assertThat(page.findElement(By.cssSelector("aside")).getText()).contains("Works at", "Analytical Engines");
    }

    @Test
    void aPairInTheReviewQueueIsMergedByAPerson() throws Exception {
        TenantAdmin admin = newTenantAdmin();
        call("POST", "/api/v1/ingest/crm", admin.token(), Map.of("contacts", List.of(Map.of("externalId", "c-9",
                "firstName", "Grace", "lastName", "Hopper", "email", "grace@navy.example")),
                "organizations", List.of(Map.of("externalId", "o-9", "name", "Quiet Corp"))));
        call("POST", "/api/v1/ingest/erp", admin.token(), Map.of("contacts", List.of(Map.of("externalId", "E-9",
                "firstName", "Grace", "lastName", "Hopper", "email", "ghopper@cobol.example"))));
        WebDriver page = page();
        signIn(admin.tenantId(), admin.email(), admin.password());

        go(By.linkText("Health"));
        awaitFiguresComputed();
        assertThat(healthCheck(page, "Suggestions to review")).startsWith("1");
        assertThat(healthCheck(page, "Contacts without an email")).startsWith("0");
        assertThat(healthCheck(page, "Organizations without a domain")).startsWith("1");
        assertThat(healthCheck(page, "Organizations with no activity in 90 days")).startsWith("1");
        browser.screenshot("health");
        go(By.partialLinkText("Suggestions to review"));
        assertThat(page.findElement(By.id("pairs")).getText()).contains("Grace Hopper and Grace Hopper", "same first name", "likely");
        browser.screenshot("review-queue");
        go(By.xpath("//button[normalize-space()='Merge']"));

        awaitText(By.cssSelector(".notice.info"), "Merged");
        assertThat(page.getPageSource()).contains("Nothing to review.");
        String contact = getJson("/api/v1/external/crm/contact/c-9", admin.token()).path("id").asText();
        assertThat(getJson("/api/v1/external/erp/contact/E-9", admin.token()).path("id").asText()).isEqualTo(contact);
    }

    @Test
    void aContactsOrganizationInferredFromItsEmailShowsItsEvidenceAndAPersonCanUndoIt() throws Exception {
        TenantAdmin admin = newTenantAdmin();
        call("POST", "/api/v1/ingest/events", admin.token(), Map.of("contacts", List.of(Map.of("externalId", "v-1",
                "firstName", "Katherine", "lastName", "Johnson", "email", "katherine@langley-research.com",
                "company", "Langley Research", "address", Map.of("country", "US", "state", "VA", "city", "Hampton",
                        "street", "1 Research Dr", "postalCode", "23666")))));
        String contact = getJson("/api/v1/external/events/contact/v-1", admin.token()).path("id").asText();
        WebDriver page = page();
        signIn(admin.tenantId(), admin.email(), admin.password());

        page.get(url("/contacts/" + contact).toString());
        String aside = waitFor(By.cssSelector("aside")).getText();
        assertThat(aside).contains("Works at", "Langley Research", "inferred from email katherine@langley-research.com");
        assertThat(fieldValue(page, "Address").getText()).isEqualTo("1 Research Dr, Hampton, 23666, VA, US");
        browser.screenshot("contact-inferred-organization");
        go(By.linkText("Langley Research"));
        assertThat(waitFor(By.cssSelector("h1")).getText()).isEqualTo("Langley Research");
        assertThat(fieldValue(page, "Domain").getText()).isEqualTo("langley-research.com");
        assertThat(page.findElement(By.cssSelector("aside")).getText()).contains("People", "Katherine Johnson",
                "inferred from email");
        browser.screenshot("organization-inferred");
        go(By.xpath("//aside//button[normalize-space()='Unlink']"));

        awaitText(By.cssSelector(".notice.info"), "Unlinked");
        assertThat(page.findElement(By.cssSelector("main")).getText()).doesNotContain("Katherine Johnson");
        assertThat(getJson("/api/v1/contacts/" + contact, admin.token()).path("relations")).isEmpty();
    }

    @Test
    void thePipelineAddsUpDealsByStageForAnOwnerAndAClosePeriod() throws Exception {
        TenantAdmin admin = newTenantAdmin();
        call("POST", "/api/v1/ingest/crm", admin.token(), Map.of(
                "users", List.of(Map.of("externalId", "u-1", "name", "Ada Owner"), Map.of("externalId", "u-2", "name", "Bob Owner")),
                "deals", List.of(
                        deal("d-1", "Negotiation", 1000, 50, "2026-12-15", "u-1"),
                        deal("d-2", "Negotiation", 3000, 50, "2027-03-01", "u-2"),
                        deal("d-3", "Closed Won", 500, 100, "2026-11-01", "u-1"))));
        WebDriver page = page();
        signIn(admin.tenantId(), admin.email(), admin.password());

        go(By.linkText("Pipeline"));
        awaitFiguresComputed();
        assertThat(stageRow(page, "Negotiation")).contains("2", "USD 4,000", "USD 2,000", "50%");
        assertThat(stageRow(page, "Closed Won")).contains("1", "USD 500");
        browser.screenshot("pipeline");

        new org.openqa.selenium.support.ui.Select(page.findElement(By.id("owner"))).selectByVisibleText("Ada Owner");
        go(By.cssSelector("#filters button"));
        awaitText(By.id("stages"), "USD 1,000");
        assertThat(stageRow(page, "Negotiation")).contains("USD 1,000", "USD 500");

        page.get(url("/pipeline?from=2026-12-01&to=2026-12-31").toString());
        assertThat(page.findElement(By.id("stages")).getText()).doesNotContain("Closed Won").doesNotContain("USD 3,000");
        assertThat(stageRow(page, "Negotiation")).contains("USD 1,000");
    }

    private static Map<String, Object> deal(String id, String stage, int amount, int probability, String closeDate,
                                            String owner) {
        return Map.of("externalId", id, "name", "Deal " + id, "stage", stage, "amount", amount, "currency", "USD",
                "probability", probability, "closeDate", closeDate, "owner", owner);
    }

    private static String stageRow(WebDriver page, String stage) {
        return page.findElements(By.cssSelector("#stages tbody tr")).stream().map(WebElement::getText)
                .filter(text -> text.startsWith(stage)).findFirst()
                .orElseThrow(() -> new AssertionError("no stage " + stage + " in " + page.findElement(By.id("stages")).getText()));
    }

    /** A figure of an organization in the list: found afresh each time, as the list may be refreshing itself. */
    private static By cell(String organization, String column) {
        return By.xpath("//table[@id='results']//tr[td[contains(@class, 'name')]/a[starts-with(text(), '" + organization + "')]]"
                + "/td[contains(concat(' ', @class, ' '), ' " + column + " ')]");
    }

    private static String healthCheck(WebDriver page, String title) {
        return page.findElements(By.cssSelector("#checks a")).stream().map(WebElement::getText)
                .filter(text -> text.contains(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no health check " + title));
    }

    private static WebElement fieldValue(WebDriver page, String label) {
        return page.findElements(By.cssSelector("table.fields tr")).stream()
                .filter(row -> row.findElement(By.tagName("th")).getText().equals(label)).findFirst()
                .map(row -> row.findElement(By.cssSelector("td span")))
                .orElseThrow(() -> new AssertionError("no field " + label));
    }
}
