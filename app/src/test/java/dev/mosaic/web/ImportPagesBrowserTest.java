package dev.mosaic.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mosaic.testing.BrowserTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** CSV import in a real browser: a preview before anything is saved, a changed mapping, and a large file's progress. */
class ImportPagesBrowserTest extends BrowserTest {

    @TempDir
    Path files;

    @Test
    void aFileIsPreviewedRemappedAndImported() throws Exception {
        TenantAdmin admin = newTenantAdmin();
        Path csv = files.resolve("hubspot-contacts.csv");
        Files.writeString(csv, """
                First Name,Last Name,Email,Company Name,Job
                Ada,Lovelace,ada@analytical-engines.com,Analytical Engines,Mathematician
                Charles,Babbage,charles@analytical-engines.com,Analytical Engines,Inventor
                Grace,Hopper,not-an-email,Navy,Rear Admiral
                """);
        WebDriver page = page();
        signIn(admin.tenantId(), admin.email(), admin.password());
        go(By.linkText("Import"));
        page.findElement(By.id("file")).sendKeys(csv.toString());
        new Select(page.findElement(By.id("type"))).selectByValue("contacts");
        page.findElement(By.id("source")).clear();
        page.findElement(By.id("source")).sendKeys("hubspot");
        go(By.cssSelector("#upload-form button"));

        assertThat(waitFor(By.cssSelector("h1")).getText()).isEqualTo("Preview: hubspot-contacts.csv");
        assertThat(page.findElement(By.id("row-errors")).getText()).contains("Row 4", "not-an-email");
        assertThat(getJson("/api/v1/contacts?q=analytical-engines.com", admin.token()).path("total").asInt())
                .as("a preview saves nothing").isZero();
        new Select(page.findElement(By.name("map:Job"))).selectByValue("title");
        go(By.xpath("//button[normalize-space()='Update preview']"));
        awaitText(By.cssSelector("pre.preview"), "Mathematician");
        browser.screenshot("import-preview");

        go(By.id("confirm-import"));

        awaitText(By.cssSelector(".notice.info"), "2 created");
        assertThat(page.findElement(By.id("row-errors")).getText()).contains("Row 4");
        String ada = getJson("/api/v1/contacts?q=ada@analytical-engines.com", admin.token()).path("items").get(0).path("id").asText();
        assertThat(getJson("/api/v1/contacts/" + ada, admin.token()).path("fields").path("title").path("value").asText())
                .isEqualTo("Mathematician");
    }

    @Test
    void aLargeFileIsImportedInTheBackgroundWithItsProgressShown() throws Exception {
        TenantAdmin admin = newTenantAdmin();
        StringBuilder rows = new StringBuilder("Name,Website\n");
        for (int i = 0; i < 10_050; i++) {
            rows.append("Company ").append(i).append(",https://company-").append(i).append(".com\n");
        }
        Path csv = files.resolve("companies.csv");
        Files.writeString(csv, rows);
        WebDriver page = page();
        signIn(admin.tenantId(), admin.email(), admin.password());
        page.get(url("/imports").toString());
        page.findElement(By.id("file")).sendKeys(csv.toString());
        new Select(page.findElement(By.id("type"))).selectByValue("organizations");
        go(By.cssSelector("#upload-form button"));
        go(By.id("confirm-import"));

        assertThat(waitFor(By.cssSelector("h1")).getText()).isEqualTo("Importing in the background");
        new WebDriverWait(page, Duration.ofSeconds(120)).pollingEvery(Duration.ofMillis(500))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> driver.findElement(By.cssSelector("#job .badge")).getText().equals("done"));
        browser.screenshot("import-done");
        assertThat(textOf(By.id("job"))).contains("10050 of 10050 rows", "10050 new");
    }
}
