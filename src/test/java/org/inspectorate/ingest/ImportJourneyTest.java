package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.BrowserAccountFixtures;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import dev.samstevens.totp.secret.DefaultSecretGenerator;

/**
 * The import journey of issue 5: an operator uploads a Nessus report on the imports page, watches the
 * progress bar until the job has succeeded, reads the counts and finds the new findings in the register.
 */
class ImportJourneyTest extends BrowserTest {

    private static final String PASSWORD = "Qz7!import-Journey";

    @Autowired
    ApplicationContext context;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;

    private void click(WebElement e) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        e.click();
    }

    @Test
    void anOperatorUploadsAReportWatchesItsProgressAndSeesTheNewFindings() throws Exception {
        Organisation enterprise = OrganisationFixtures.organisation(organisations,
                OrganisationType.INTERNET_ENTERPRISE, Province.ZHEJIANG, null);
        String operator = BrowserAccountFixtures.account(context, enterprise, PASSWORD, Role.OPERATOR_ADMIN);
        units.create(OrganisationFixtures.actor(enterprise, Role.OPERATOR_ADMIN), NetworkUnitFixtures.unitInput("扫描目标网络",
                "PORTAL", "3.1", List.of(NetworkUnitFixtures.cidr("10.0.0.0/16"))));
        Path report = Files.createTempFile("journey", ".nessus");
        SyntheticReports.Summary written = SyntheticReports.writeNessus(report, 100, 20, 7L);

        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(operator);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("signin-submit")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".role-badge")));

        navigate("nav-imports");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("import-upload")));
        driver.findElement(By.id("import-file")).sendKeys(report.toAbsolutePath().toString());
        click(driver.findElement(By.id("import-submit")));

        // the job page: a progress bar polled every second, then the counts once it succeeded
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("import-progress")));
        assertThat(driver.findElement(By.cssSelector("#import-progress .progress")).isDisplayed()).isTrue();
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("count-new")));
        long created = Long.parseLong(driver.findElement(By.id("count-new")).getText().strip());
        assertThat(created).isPositive().isLessThanOrEqualTo(written.findings());
        assertThat(driver.findElement(By.id("import-bar")).getText()).isEqualTo("100%");
        assertThat(driver.findElement(By.id("count-unmatched")).getText()).isEqualTo("0");
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE)
                .toPath();
        Files.createDirectories(Path.of("target/browser-screenshots"));
        Files.copy(shot, Path.of("target/browser-screenshots/import-succeeded.png"),
                StandardCopyOption.REPLACE_EXISTING);

        click(driver.findElement(By.id("import-findings")));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[id^='finding-row-']")));
        assertThat(driver.findElements(By.cssSelector("tr[id^='finding-row-']"))).isNotEmpty();

        // the list of imports shows it, succeeded
        driver.get(url("/imports"));
        assertThat(driver.findElement(By.id("import-list")).getText()).contains("journey");
        assertNoContentSecurityPolicyViolation();
        Files.deleteIfExists(report);
    }

    @Test
    void aProvincialOfficerPicksAnOperatorOfTheProvinceAndImportsIntoOneOfItsUnits() throws Exception {
        Organisation administration = OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.NINGXIA, null);
        Organisation enterprise = OrganisationFixtures.organisation(organisations,
                OrganisationType.INTERNET_ENTERPRISE, Province.NINGXIA, null);
        long unit = units.create(OrganisationFixtures.actor(enterprise, Role.OPERATOR_ADMIN),
                NetworkUnitFixtures.unitInput("银川门户", "PORTAL", "3.1", List.of(NetworkUnitFixtures.cidr("10.0.0.0/16"))))
                .id();
        String officer = BrowserAccountFixtures.account(context, administration, PASSWORD, Role.PROVINCIAL_OFFICER);
        String secret = new DefaultSecretGenerator(32).generate();
        BrowserAccountFixtures.enrolMfa(context, officer, secret);
        Path report = Files.createTempFile("regulator-journey", ".nessus");
        SyntheticReports.writeNessus(report, 20, 5, 11L);

        signInWithSecondFactor(officer, PASSWORD, secret);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".role-badge")));

        navigate("nav-imports");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("import-organisation")));
        // the filter narrows the operators by htmx; choosing one reloads the units select
        WebElement unfiltered = driver.findElement(By.id("import-organisation"));
        driver.findElement(By.id("import-operator-filter")).sendKeys(enterprise.name());
        waiting().until(ExpectedConditions.stalenessOf(unfiltered));
        By operatorOption = By.cssSelector("#import-organisation option[value='" + enterprise.id() + "']");
        assertThat(driver.findElements(By.cssSelector("#import-organisation option"))).hasSize(2);
        new Select(driver.findElement(By.id("import-organisation")))
                .selectByValue(Long.toString(enterprise.id()));
        assertThat(driver.findElement(operatorOption).isSelected()).isTrue();
        By unitOption = By.cssSelector("#import-units option[value='" + unit + "']");
        waiting().until(ExpectedConditions.presenceOfElementLocated(unitOption));
        new Select(driver.findElement(By.id("import-units")))
                .selectByValue(Long.toString(unit));
        driver.findElement(By.id("import-file")).sendKeys(report.toAbsolutePath().toString());
        click(driver.findElement(By.id("import-submit")));

        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("count-new")));
        assertThat(Long.parseLong(driver.findElement(By.id("count-new")).getText().strip())).isPositive();
        assertNoContentSecurityPolicyViolation();
        Files.deleteIfExists(report);
    }

    @Test
    void anOperatorAssignsACidrOfUnmatchedHostsInOneStepAndSeesTheObservedServiceAndItsDiscrepancyOnTheUnit()
            throws Exception {
        Organisation enterprise = OrganisationFixtures.organisation(organisations,
                OrganisationType.INTERNET_ENTERPRISE, Province.ANHUI, null);
        String operator = BrowserAccountFixtures.account(context, enterprise, PASSWORD, Role.OPERATOR_ADMIN);
        long unit = units.create(OrganisationFixtures.actor(enterprise, Role.OPERATOR_ADMIN),
                NetworkUnitFixtures.unitInput("合肥门户", "PORTAL", "3.1", List.of(NetworkUnitFixtures.cidr("10.0.0.0/24"))))
                .id();
        // the unit declares HTTP/80 and HTTPS/443; the scan sees a web server on 8080 as well, and twenty hosts
        // of 10.9.0.0/24 that no unit lists
        List<ImportFixtures.Item> items = new ArrayList<>(List.of(
                new ImportFixtures.Item("10.0.0.5", 8080, 10107, "HTTP Server Type and Version", 0),
                new ImportFixtures.Item("10.0.0.5", 443, 42873, "SSL Medium Strength Cipher Suites", 2)));
        for (int host = 1; host <= 20; host++) {
            items.add(new ImportFixtures.Item("10.9.0." + host, 443, 42873, "SSL Medium Strength Cipher Suites", 2));
        }
        Path report = Files.createTempFile("exposure-journey", ".nessus");
        Files.write(report, ImportFixtures.nessus(items));

        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(operator);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("signin-submit")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".role-badge")));
        navigate("nav-imports");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("import-upload")));
        driver.findElement(By.id("import-file")).sendKeys(report.toAbsolutePath().toString());
        click(driver.findElement(By.id("import-submit")));

        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("count-new")));
        assertThat(driver.findElement(By.id("count-new")).getText().strip()).isEqualTo("1");
        assertThat(driver.findElement(By.id("count-unmatched")).getText().strip()).isEqualTo("20");
        assertThat(driver.findElements(By.cssSelector("#import-unmatched input[type=checkbox]")))
                .hasSizeGreaterThanOrEqualTo(20);

        // the whole range in one step
        driver.findElement(By.id("assign-cidr")).sendKeys("10.9.0.0/24");
        new Select(driver.findElement(By.id("assign-many-unit"))).selectByValue(Long.toString(unit));
        click(driver.findElement(By.id("assign-many-submit")));
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("import-unmatched")));
        assertThat(driver.findElement(By.id("count-new")).getText().strip()).isEqualTo("21");

        // the unit's page loads its exposure: the web server on 8080 observed, and undeclared in the filing
        driver.get(url("/network-units/" + unit));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("observed-services-table")));
        assertThat(driver.findElement(By.id("observed-services-table")).getText()).contains("10.0.0.5", "8080");
        assertThat(driver.findElements(By.cssSelector("#discrepancies-table tr[id^='discrepancy-']"))).hasSize(1);
        assertThat(driver.findElement(By.id("discrepancies-table")).getText()).contains("8080");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'});",
                driver.findElement(By.id("unit-exposure")));
        Files.createDirectories(Path.of("target/browser-screenshots"));
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                Path.of("target/browser-screenshots/unit-exposure.png"), StandardCopyOption.REPLACE_EXISTING);
        assertNoContentSecurityPolicyViolation();
        Files.deleteIfExists(report);
    }
}
