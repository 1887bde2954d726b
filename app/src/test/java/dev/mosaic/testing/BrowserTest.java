package dev.mosaic.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A browser test: one headless chromium per class against the running app, and the steps every such test takes. */
public abstract class BrowserTest extends MosaicIntegrationTest {

    protected static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    protected WebDriver page() {
        return browser.driver();
    }

    protected void signIn(String workspace, String email, String password) {
        WebDriver page = page();
        page.get(url("/login").toString());
        page.findElement(By.id("workspace")).clear();
        page.findElement(By.id("workspace")).sendKeys(workspace);
        page.findElement(By.id("email")).sendKeys(email);
        page.findElement(By.id("password")).sendKeys(password);
        go(By.cssSelector("form button[type=submit]"));
        assertThat(waitFor(By.cssSelector(".topbar .who")).getText()).contains(email);
    }

    /** Clicks what leads to another page, and returns once that page has replaced this one. */
    protected void go(By locator) {
        go(waitFor(locator));
    }

    protected void go(WebElement target) {
        WebElement before = page().findElement(By.tagName("html"));
        target.click();
        // The old page's root is gone once the next page replaced it; chromedriver says so with a stale-element
        // error, or with "node does not belong to the document".
        new WebDriverWait(page(), Duration.ofSeconds(30)).until(driver -> {
            try {
                before.getTagName();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    /** The element once the page shows it: a click that submits a form returns before the next page is there. */
    protected WebElement waitFor(By locator) {
        return new WebDriverWait(page(), Duration.ofSeconds(15)).until(driver -> driver.findElement(locator));
    }

    /** Waits until the element shows the text: the page it is on may still be loading, or replacing the element. */
    protected void awaitText(By locator, String expected) {
        new WebDriverWait(page(), Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> locator + " never showed '" + expected + "'")
                .until(driver -> driver.findElements(locator).stream().anyMatch(e -> e.getText().contains(expected)));
    }

    /**
     * Waits until the page's background figures are up to date: it refreshes itself until its note says they were
     * computed, with no later change still being added.
     */
    protected void awaitFiguresComputed() {
        new WebDriverWait(page(), Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "the figures were never computed")
                .until(driver -> driver.findElements(By.cssSelector(".figures-note")).stream()
                        .anyMatch(note -> note.getText().matches("Figures computed [^;]*\\.")));
    }

    /** The text of an element the page may be replacing as it refreshes itself. */
    protected String textOf(By locator) {
        return new WebDriverWait(page(), Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(locator).getText());
    }
}
