package org.inspectorate.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import dev.samstevens.totp.secret.DefaultSecretGenerator;

import org.inspectorate.organisation.BrowserAccountFixtures;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.BrowserTest;
import org.inspectorate.support.Codes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The filing journey of issue 3: an operator files a unit, the provincial officer (second factor
 * enrolled) returns it with reasons, the operator corrects and resubmits, the officer accepts, and
 * the filing number is shown to both.
 */
class FilingJourneyTest extends BrowserTest {

    private static final String PASSWORD = "Qz7!filing-Journey";

    @Autowired
    private Clock clock;

    @Autowired
    ApplicationContext context;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageSource messages;

    private String operator;
    private String officer;
    private String secret;

    @BeforeEach
    void accounts() {
        Organisation enterprise = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.ZHEJIANG, null);
        Organisation administration = OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.ZHEJIANG, null);
        operator = BrowserAccountFixtures.account(context, enterprise, PASSWORD, Role.OPERATOR_ADMIN);
        officer = BrowserAccountFixtures.account(context, administration, PASSWORD, Role.PROVINCIAL_OFFICER);
        // the officer has already enrolled an authenticator with this secret
        secret = new DefaultSecretGenerator(32).generate();
        BrowserAccountFixtures.enrolMfa(context, officer, secret);
    }

    private String text(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    private void signIn(String username) {
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("signin-submit")).click();
    }

    private void signInOfficer() throws Exception {
        signIn(officer);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("mfa-form")));
        driver.findElement(By.id("code")).sendKeys(BrowserAccountFixtures.freshCode(secret));
        driver.findElement(By.id("mfa-submit")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".role-badge")));
    }

    private void type(String id, String value) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    /** Clicks the element after scrolling it to the middle of the window (clear of any fixed bar). */
    private void click(String id) {
        WebElement e = driver.findElement(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        e.click();
    }

    private void setDate(String id, LocalDate date) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(By.id(id)), date.toString());
    }

    private void openFromQueue(String unitName) {
        driver.get(url("/filings/review-queue"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//table[@id='queue-table']//tr[td[normalize-space()='" + unitName + "']]//a"))).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("review-panel")));
    }

    @Test
    void anOperatorFilesTheOfficerReturnsItTheOperatorCorrectsAndTheOfficerAcceptsWithAFilingNumber()
            throws Exception {
        String name = "浙江门户网站 " + Codes.username("j");

        // the operator fills the form, adds an asset and submits
        signIn(operator);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".role-badge")));
        driver.get(url("/network-units/new"));
        type("name", name);
        new Select(driver.findElement(By.id("category"))).selectByValue("PORTAL");
        type("description", "面向公众的门户网站");
        type("responsiblePerson", "钱江");
        type("responsibleContact", "0571-5555-0100");
        new Select(driver.findElement(By.id("gradeLevel"))).selectByValue("3.1");
        setDate("gradingReviewedOn", LocalDate.now(clock).minusDays(3));
        type("gradingReasoning", "遭到破坏后会对社会秩序和公共利益造成严重损害");
        new Select(driver.findElement(By.id("assets0.kind"))).selectByValue("DOMAIN");
        type("assets0.value", "www.journey.example");
        click("add-asset");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("assets1.value")));
        new Select(driver.findElement(By.id("assets1.kind"))).selectByValue("CIDR");
        type("assets1.value", "203.0.113.0/28");
        type("assets1.openPorts", "80,443");
        click("save-unit");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("submit-unit")));
        assertThat(driver.findElement(By.id("unit-name")).getText()).isEqualTo(name);
        assertThat(driver.findElement(By.id("assets-table")).getText()).contains("www.journey.example",
                "203.0.113.0/28");
        String unitUrl = driver.getCurrentUrl();
        click("submit-unit");
        waiting().until(ExpectedConditions.textToBe(By.id("unit-state"), text("filing.state.SUBMITTED")));
        assertNoContentSecurityPolicyViolation();

        // the provincial officer returns it with a reason
        signInOfficer();
        openFromQueue(name);
        type("reasons", "资产清单缺少后台服务器地址段");
        click("return-filing");
        waiting().until(ExpectedConditions.textToBe(By.id("unit-state"), text("filing.state.RETURNED")));

        // the operator sees the reason, corrects and resubmits
        signIn(operator);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".role-badge")));
        driver.get(unitUrl);
        assertThat(driver.findElement(By.id("returned-reasons")).getText()).contains("资产清单缺少后台服务器地址段");
        click("edit-unit");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("unit-form")));
        click("add-asset");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("assets2.value")));
        new Select(driver.findElement(By.id("assets2.kind"))).selectByValue("IP_ADDRESS");
        type("assets2.value", "198.51.100.20");
        type("assets2.openPorts", "8443");
        click("save-unit");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("submit-unit")));
        assertThat(driver.findElement(By.id("assets-table")).getText()).contains("198.51.100.20");
        click("submit-unit");
        waiting().until(ExpectedConditions.textToBe(By.id("unit-state"), text("filing.state.SUBMITTED")));

        // the officer accepts: the filing number is issued and shown
        signInOfficer();
        openFromQueue(name);
        click("accept-filing");
        waiting().until(ExpectedConditions.textToBe(By.id("unit-state"), text("filing.state.FILED")));
        String number = driver.findElement(By.id("filing-number")).getText();
        assertThat(number).matches("330000-\\d{4}-\\d{6}");
        assertNoContentSecurityPolicyViolation();

        // and the operator sees the same number, and the unit's obligations now that it is filed
        signIn(operator);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".role-badge")));
        driver.get(unitUrl);
        assertThat(driver.findElement(By.id("filing-number")).getText()).isEqualTo(number);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("unit-obligations-table")));
        assertThat(driver.findElement(By.id("unit-obligations-table")).getText())
                .contains(text("obligation.kind.CONFORMITY_EVALUATION"), text("obligation.kind.RISK_ASSESSMENT"));
        assertNoContentSecurityPolicyViolation();
    }
}
