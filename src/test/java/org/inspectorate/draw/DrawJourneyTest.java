package org.inspectorate.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.inspectorate.agency.Agencies;
import org.inspectorate.agency.AgencyFixtures;
import org.inspectorate.draw.algorithm.DrawVerifier;
import org.inspectorate.draw.algorithm.PublishedDraw;
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.BrowserAccountFixtures;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.samstevens.totp.secret.DefaultSecretGenerator;

/**
 * Provincial officers prepare, approve, run and verify a draw through the pages, and ask for, approve or refuse a
 * re-draw (four eyes, TOTP).
 */
class DrawJourneyTest extends BrowserTest {

    static final String PASSWORD = "Juniper-Quay2031!Zz";
    static final Province PROVINCE = Province.ZHEJIANG;

    @Autowired
    ApplicationContext context;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    Agencies agencies;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Draws draws;
    @Autowired
    Clock clock;
    @Autowired
    DrawRuleVersions drawRules;
    @Autowired
    JdbcClient jdbc;

    /** A signed-up provincial officer with their TOTP secret. */
    private record Officer(String username, String secret) {
    }

    private Organisation administration() {
        return OrganisationFixtures.organisation(organisations, OrganisationType.PROVINCIAL_ADMINISTRATION, PROVINCE,
                null);
    }

    private Officer officerAccount(Organisation administration) {
        String username = BrowserAccountFixtures.account(context, administration, PASSWORD, Role.PROVINCIAL_OFFICER);
        String secret = new DefaultSecretGenerator(32).generate();
        BrowserAccountFixtures.enrolMfa(context, username, secret);
        return new Officer(username, secret);
    }

    private void signIn(Officer officer) throws Exception {
        driver.get(url("/login"));
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(officer.username());
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        click(By.id("signin-submit"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
        driver.findElement(By.id("code")).sendKeys(BrowserAccountFixtures.freshCode(officer.secret()));
        click(By.id("mfa-submit"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("nav-draws")));
    }

    private void filedUnit(Actor officer) {
        Actor operator = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.VALUE_ADDED_TELECOM, PROVINCE, null), Role.OPERATOR_ADMIN);
        NetworkUnit draft = units.create(operator, NetworkUnitFixtures.unitInput("门户网站", "PORTAL", "3.1",
                List.of(NetworkUnitFixtures.domain("portal.example.cn"))));
        NetworkUnit submitted = units.submit(operator, draft.id(), draft.version());
        units.accept(officer, draft.id(), submitted.version());
    }

    /** Two filed units of the province, an agency of three on-site testers and rules drawing one target. */
    private DrawRulesVersion pools(Actor officer) {
        filedUnit(officer);
        filedUnit(officer);
        LocalDate year = LocalDate.now(clock).plusYears(1);
        Organisation agency = AgencyFixtures.agency(organisations, agencies, officer, year);
        for (int i = 0; i < 3; i++) {
            AgencyFixtures.inspector(accounts, agencies, officer, agency, List.of("TEAM_LEADER", "ON_SITE_TESTING"),
                    year, year);
        }
        return drawRules.save(officer, new RulesInput("journey-rules", "1", "2", List.of("ON_SITE_TESTING"),
                "TEAM_LEADER", "5", "3", "0", ""));
    }

    @Test
    void oneOfficerPreparesAnotherApprovesTheDrawRunsAndVerifiesAsAMatch() throws Exception {
        Organisation administration = administration();
        Actor officer = OrganisationFixtures.actor(administration, Role.PROVINCIAL_OFFICER);
        DrawRulesVersion rules = pools(officer);
        Officer preparer = officerAccount(administration);
        Officer approver = officerAccount(administration);

        signIn(preparer);
        driver.get(url("/draws/new"));
        driver.findElement(By.id("title")).sendKeys("浙江省浏览器抽取");
        new Select(driver.findElement(By.id("rulesId"))).selectByValue(Long.toString(rules.id()));
        new Select(driver.findElement(By.id("operatorType"))).selectByValue("VALUE_ADDED_TELECOM");
        driver.findElement(By.id("skill-ON_SITE_TESTING")).click();
        WebElement date = driver.findElement(By.id("drawDate"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", date,
                LocalDate.now(clock).toString());
        click(By.id("prepare"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("draw-state")));
        String drawUrl = driver.getCurrentUrl();
        assertThat(driver.findElements(By.id("approve"))).as("no approving one's own draft").isEmpty();
        assertThat(driver.findElement(By.id("awaiting-second")).getText()).isNotBlank();

        signIn(approver);
        driver.get(drawUrl);
        click(By.id("approve"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("run")));
        assertThat(driver.findElement(By.id("commitment")).getText()).matches("[0-9a-f]{64}");
        driver.findElement(By.id("witnessEntropy")).sendKeys("见证人：公证处 王五 20261125");
        click(By.id("run"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("publish")));
        click(By.id("verify"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
        assertThat(driver.findElement(By.id("verdict")).getText()).contains("MATCH").doesNotContain("MISMATCH");
        assertNoContentSecurityPolicyViolation();
    }

    /** A draw of the administration's province, prepared, approved and run by two other officers (services). */
    private DrawView drawn(Organisation administration) {
        Actor preparer = OrganisationFixtures.actor(administration, Role.PROVINCIAL_OFFICER);
        Actor approver = OrganisationFixtures.actor(administration, Role.PROVINCIAL_OFFICER);
        DrawRulesVersion rules = pools(preparer);
        DrawView draft = draws.prepare(preparer, new DrawInput("浙江省重新抽取", Long.toString(rules.id()), "",
                "VALUE_ADDED_TELECOM", "", "", List.of("ON_SITE_TESTING"), LocalDate.now(clock).toString()));
        draws.approve(approver, draft.id());
        return draws.run(preparer, draft.id(), "见证人：公证处 王五");
    }

    /** Asks for a re-draw of the draw on its page with the reason, as the signed-in officer. */
    private void askForRedraw(long drawId, String reason) {
        driver.get(url("/draws/" + drawId));
        driver.findElement(By.id("reason")).sendKeys(reason);
        click(By.id("redraw"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("redraw-pending")));
        assertThat(driver.findElement(By.id("redraw-pending")).getText()).contains(reason);
    }

    @Test
    void oneOfficerAsksForARedrawWithAReasonAnotherApprovesItAndTheNewRoundVerifiesWhileTheOldOneIsKept()
            throws Exception {
        Organisation administration = administration();
        DrawView draw = drawn(administration);
        String firstCommitment = draw.commitmentDigest();
        String reason = "检查组组长与被检查单位存在未申报的利益关系";
        Officer requester = officerAccount(administration);
        Officer reviewer = officerAccount(administration);

        signIn(requester);
        askForRedraw(draw.id(), reason);
        assertThat(driver.findElement(By.id("round-1")).getText()).as("the round stays in force until approved")
                .doesNotContain(reason);
        assertThat(driver.findElements(By.id("redraw-approve"))).as("one's own request awaits another officer")
                .isEmpty();
        assertThat(driver.findElements(By.id("redraw-refuse"))).isEmpty();
        assertThat(driver.findElement(By.id("awaiting-second")).getText()).isNotBlank();

        signIn(reviewer);
        driver.get(url("/draws/" + draw.id()));
        assertThat(driver.findElement(By.id("redraw-pending")).getText()).contains(reason)
                .contains(requester.username());
        click(By.id("redraw-approve"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("run")));
        assertThat(driver.findElement(By.id("commitment")).getText()).matches("[0-9a-f]{64}")
                .isNotEqualTo(firstCommitment);
        assertThat(driver.findElement(By.id("superseded-1")).getText()).contains(reason)
                .contains(requester.username()).contains(reviewer.username());
        driver.findElement(By.id("witnessEntropy")).sendKeys("见证人：公证处 赵六 第二轮");
        click(By.id("run"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("publish")));

        assertThat(driver.findElement(By.id("round-2")).getText()).doesNotContain(reason)
                .contains(driver.findElement(By.id("commitment")).getText());
        assertThat(driver.findElement(By.id("round-1")).getText()).contains(reason).contains(firstCommitment);
        assertThat(driver.findElements(By.cssSelector("#round-2 tbody tr"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#round-1 tbody tr"))).as("the old round's result is kept")
                .hasSize(1);
        click(By.id("verify"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
        assertThat(driver.findElement(By.id("verdict")).getText()).contains("MATCH").doesNotContain("MISMATCH");
        assertNoContentSecurityPolicyViolation();
    }

    @Test
    void theDrawPagesDownloadLinkGivesThePublishedFileWithTheSessionAndTheFileVerifies() throws Exception {
        Organisation administration = administration();
        DrawView draw = drawn(administration);
        signIn(officerAccount(administration));
        driver.get(url("/draws/" + draw.id()));
        String href = driver.findElement(By.id("download")).getAttribute("href");
        assertThat(href).endsWith("/draws/" + draw.id() + "/published");
        // What the link downloads, fetched as the browser does: with its session cookie, from the page.
        Object fetched = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                    .then(r => r.text().then(t => done([r.status, r.headers.get('content-disposition') || '', t])))
                    .catch(e => done([0, '', String(e)]));""", href);
        List<?> response = (List<?>) fetched;
        assertThat(((Number) response.get(0)).intValue()).isEqualTo(200);
        assertThat(response.get(1).toString()).contains("attachment");
        PublishedDraw file = PublishedDraw.fromJson(response.get(2).toString());
        assertThat(file.commitment().digest()).isEqualTo(draw.commitmentDigest())
                .isEqualTo(driver.findElement(By.id("commitment")).getText());
        assertThat(DrawVerifier.verify(file).matches()).isTrue();
        assertNoContentSecurityPolicyViolation();
    }

    @Test
    void aRefusedRedrawLeavesTheDrawnRoundInForce() throws Exception {
        Organisation administration = administration();
        DrawView draw = drawn(administration);
        Officer requester = officerAccount(administration);
        Officer reviewer = officerAccount(administration);

        signIn(requester);
        askForRedraw(draw.id(), "抽取时间有误");
        signIn(reviewer);
        driver.get(url("/draws/" + draw.id()));
        click(By.id("redraw-refuse"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("publish")));
        assertThat(driver.findElements(By.id("redraw-pending"))).isEmpty();
        assertThat(driver.findElement(By.id("commitment")).getText()).isEqualTo(draw.commitmentDigest());
        assertThat(driver.findElements(By.cssSelector("section[id^='round-']"))).hasSize(1);
        assertThat(driver.findElements(By.id("superseded-1"))).isEmpty();
        assertNoContentSecurityPolicyViolation();
    }
}
