package org.inspectorate.support;

import org.springframework.context.annotation.Import;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.inspectorate.organisation.BrowserAccountFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser journey: the whole application on a random port, driven by one headless Debian Chromium
 * per test class. Tagged {@code browser}: left out of {@code mvn verify}, run by {@code mvn -Pbrowser test}.
 * Missing Chromium or chromedriver fails the test with the command that installs them — never a skip.
 * A failing test leaves a screenshot in {@code target/browser-screenshots}.
 */
// Sessions in the database, as in production (the MockMvc suites use the in-memory session).
@Import(TestClockConfiguration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.autoconfigure.exclude=")
@Tag("browser")
@ExtendWith(BrowserTest.ScreenshotOnFailure.class)
public abstract class BrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("browser.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.driver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target/browser-screenshots");

    protected static WebDriver driver;
    private static Path profile;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("Browser tests need Chromium at " + CHROMIUM + " and chromedriver at " + CHROMEDRIVER
                    + ". Install them with: apt-get install -y --no-install-recommends chromium chromium-driver "
                    + "(or point -Dbrowser.binary / -Dbrowser.driver elsewhere).");
        }
        profile = Files.createTempDirectory("inspectorate-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,900", "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @BeforeEach
    void freshSession() {
        // Each test starts signed out, in the default language, with nothing left in the console log.
        driver.get(url("/login"));
        driver.manage().deleteAllCookies();
        consoleMessages();
    }

    /** The absolute address of {@code path} on the running application. */
    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Signs in through the login form and then the second-factor form with a fresh code of the account's
     * authenticator {@code secret}, from a session without cookies.
     */
    protected void signInWithSecondFactor(String username, String password, String secret) {
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("signin-submit")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("mfa-form")));
        driver.findElement(By.id("code")).sendKeys(BrowserAccountFixtures.freshCode(secret));
        driver.findElement(By.id("mfa-submit")).click();
    }

    protected WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    /**
     * Clicks the element after scrolling it to the middle of the window at once: a plain click on an element near
     * the window's edge can land on the sticky navigation or be taken while Bootstrap's smooth scroll still runs.
     */
    protected static void click(By by) {
        WebElement element = driver.findElement(by);
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    /** The text of the navigation entry {@code id}, whether or not its menu is open. */
    protected static String navText(String id) {
        return driver.findElement(By.id(id)).getDomProperty("textContent").strip();
    }

    /** Follows the navigation entry {@code id}, opening the menu it sits in first. */
    protected static void navigate(String id) {
        WebElement link = driver.findElement(By.id(id));
        if (!link.isDisplayed()) {
            link.findElement(By.xpath("ancestor::li[contains(@class,'dropdown')]/a[contains(@class,'dropdown-toggle')]"))
                    .click();
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> link.isDisplayed());
        }
        link.click();
    }

    /** The browser console since the last call (CSP violations are reported there). */
    protected static List<String> consoleMessages() {
        List<String> messages = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            messages.add(entry.getLevel() + " " + entry.getMessage());
        }
        return messages;
    }

    /** Fails when the page broke the content security policy (inline script or style, a foreign source). */
    protected static void assertNoContentSecurityPolicyViolation() {
        assertThat(consoleMessages()).as("browser console").noneMatch(m -> m.contains("Content Security Policy"));
    }

    /** Saves a screenshot of the failing page, named after the test. */
    static final class ScreenshotOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (driver instanceof TakesScreenshot camera) {
                try {
                    Files.createDirectories(SCREENSHOTS);
                    Path shot = camera.getScreenshotAs(OutputType.FILE).toPath();
                    Path target = SCREENSHOTS.resolve(context.getRequiredTestClass().getSimpleName() + "-"
                            + context.getRequiredTestMethod().getName() + ".png");
                    Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
                    System.err.println("Screenshot of the failed page: " + target.toAbsolutePath()
                            + " (at " + driver.getCurrentUrl() + ")");
                } catch (IOException | RuntimeException e) {
                    System.err.println("No screenshot: " + e);
                }
            }
        }
    }
}
