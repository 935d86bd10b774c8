package org.inspectorate.selfinspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import dev.samstevens.totp.secret.DefaultSecretGenerator;

import org.inspectorate.campaign.Campaigns;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.BrowserAccountFixtures;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.BrowserTest;
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

/**
 * The self-inspection journey of issue 4: an operator answers the checklist, records two findings (two
 * "not compliant" answers), fixes one at once, mitigates the other with a plan, owner and due date, and
 * submits the summary report; the provincial officer (second factor enrolled) finds it in the status view
 * and accepts it.
 */
class SelfInspectionJourneyTest extends BrowserTest {

    private static final String PASSWORD = "Qz7!selfinsp-Journey";

    @Autowired
    ApplicationContext context;
    @Autowired
    Organisations organisations;
    @Autowired
    Campaigns campaigns;
    @Autowired
    NetworkUnits units;
    @Autowired
    MessageSource messages;
    @Autowired
    Clock clock;

    private String operator;
    private String officer;
    private String secret;
    private String code;
    private Organisation enterprise;

    @BeforeEach
    void accounts() {
        enterprise = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.SHAANXI, null);
        Organisation administration = OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.SHAANXI, null);
        operator = BrowserAccountFixtures.account(context, enterprise, PASSWORD, Role.OPERATOR_ADMIN);
        officer = BrowserAccountFixtures.account(context, administration, PASSWORD, Role.PROVINCIAL_OFFICER);
        secret = new DefaultSecretGenerator(32).generate();
        BrowserAccountFixtures.enrolMfa(context, officer, secret);
        Actor ministry = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.MINISTRY_BUREAU, null, null), Role.MINISTRY_OFFICER);
        code = SelfInspectionFixtures.campaign(campaigns, ministry, LocalDate.now(clock).plusDays(14));
        SelfInspectionFixtures.unit(units, OrganisationFixtures.actor(enterprise, Role.OPERATOR_ADMIN));
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

    private void type(String id, String value) {
        WebElement e = driver.findElement(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        e.clear();
        e.sendKeys(value);
    }

    private void click(String id) {
        WebElement e = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        e.click();
    }

    private void select(String id, String value) {
        new Select(driver.findElement(By.id(id))).selectByValue(value);
    }

    private void answer(String item, String answer) {
        click("open-answer-" + item);
        click("answer-" + item + "-" + answer);
    }

    private void notCompliant(String item, String title, String severity, String category, String cvss) {
        answer(item, "NOT_COMPLIANT");
        type("notes-" + item, title + "（自查发现）");
        type("title-" + item, title);
        select("severity-" + item, severity);
        select("category-" + item, category);
        new Select(driver.findElement(By.id("unit-" + item))).selectByIndex(1);
        if (cvss != null) {
            type("cvss-" + item, cvss);
        }
        click("save-" + item);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("finding-link-" + item)));
    }

    @Test
    void anOperatorSelfInspectsRecordsFixesAndPlansTwoFindingsSubmitsAndTheOfficerAccepts() throws Exception {
        signIn(operator);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".role-badge")));
        navigate("nav-self-inspections");
        click("open-" + code);
        waiting().until(ExpectedConditions.textToBe(By.id("workspace-status"), text("selfinspection.status.NOT_STARTED")));

        // two "not compliant" answers record two findings; the third item is compliant
        notCompliant("PWD-01", "核心交换机默认口令", "MEDIUM", "WEAK_PASSWORD", null);
        notCompliant("VUL-01", "门户 Log4j 漏洞", "HIGH", "VULNERABILITY", SelfInspectionsIntegrationTest.CRITICAL);
        answer("D24-01", "COMPLIANT");
        type("notes-D24-01", "规则已在官网公布");
        click("save-D24-01");
        waiting().until(ExpectedConditions.textToBe(By.id("answer-badge-D24-01"), text("selfinspection.answer.COMPLIANT")));
        assertThat(driver.findElement(By.id("progress-text")).getText()).contains("3 / 3");
        String workspace = driver.getCurrentUrl().replaceAll("#.*", "");

        // fix the weak password at once
        click("finding-link-PWD-01");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("step-FIXED")));
        type("note-FIXED", "已修改为强口令并启用登录失败锁定");
        click("do-FIXED");
        waiting().until(ExpectedConditions.textToBe(By.id("finding-status"), text("finding.status.FIXED")));

        // mitigate the vulnerability with a plan, an owner and a due date
        driver.get(workspace);
        click("finding-link-VUL-01");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("step-MITIGATED")));
        type("measures", "WAF 拦截 JNDI 请求");
        type("plan", "升级 log4j 至 2.17.1");
        type("planOwner", "王五");
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
                driver.findElement(By.id("planDueOn")), LocalDate.now(clock).plusDays(20).toString());
        click("do-MITIGATED");
        waiting().until(ExpectedConditions.textToBe(By.id("finding-status"), text("finding.status.MITIGATED")));

        // write the report and submit it
        driver.get(workspace);
        assertThat(driver.findElement(By.id("progress-findings")).getText()).contains("2");
        assertThat(driver.findElement(By.id("finding-status-PWD-01")).getText()).isEqualTo(text("finding.status.FIXED"));
        click("submit-report");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("overview-error")));
        type("overview", "本单位按通知要求完成自查，发现问题两个：一个已立即整改，一个已制定整改计划。");
        click("save-report");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("flash-saved")));
        click("submit-report");
        waiting().until(ExpectedConditions.textToBe(By.id("workspace-status"), text("selfinspection.status.SUBMITTED")));
        assertThat(driver.findElement(By.id("workspace-recipient")).getText()).isEqualTo(text(Province.SHAANXI.messageKey()) + "通信管理局");
        assertNoContentSecurityPolicyViolation();

        // the provincial officer finds it in the status view and accepts it
        signIn(officer);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("mfa-form")));
        driver.findElement(By.id("code")).sendKeys(BrowserAccountFixtures.freshCode(secret));
        driver.findElement(By.id("mfa-submit")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".role-badge")));
        driver.get(url("/self-inspections/status?campaign=" + code + "&q="
                + enterprise.name().substring(enterprise.name().indexOf(' ') + 1)));
        WebElement row = waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.id("status-row-" + enterprise.id())));
        assertThat(row.getText()).contains(text("selfinspection.status.SUBMITTED"), "3 / 3");
        row.findElement(By.tagName("a")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("accept-report")));
        assertThat(driver.findElement(By.id("report-overview")).getText()).contains("发现问题两个");
        click("accept-report");
        waiting().until(ExpectedConditions.textToBe(By.id("workspace-status"), text("selfinspection.status.ACCEPTED")));
        assertThat(driver.findElements(By.id("accept-report"))).isEmpty();
        assertNoContentSecurityPolicyViolation();
    }
}
