package org.inspectorate.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.samstevens.totp.secret.DefaultSecretGenerator;

import org.inspectorate.agency.Agencies;
import org.inspectorate.agency.AgencyFixtures;
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
import org.inspectorate.organisation.UserAccount;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.scoring.ScoreCalculator.Mark;
import org.inspectorate.scoring.ScoreSheets;
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
 * The spot-check journey of issue 15 (抽查 → 现场告知 → 重大问题 → 量化评分 → 排名): the team leader records two findings
 * on a running check (one marked major) and gives the on-site notice of each, the operator acknowledges one, the
 * major one appears on the Ministry's list, the team scores (the member marks through the service, the leader one
 * item on the page), the leader submits the score sheet, the provincial officer approves it and the ranking shows the
 * operator. The check, its team and its schedule are made through the modules' services (they are not the journey).
 */
class SpotCheckScoringJourneyTest extends BrowserTest {

    private static final String PASSWORD = "Qz7!spotcheck-Journey";
    private static final String INSPECTOR_PASSWORD = "Juniper-Quay2031!Zz";
    private static final Province PROVINCE = Province.GANSU;
    private static final List<String> FULL_FRACTIONS = List.of("A1", "B2", "C3", "D1", "D2");
    private static final List<String> NO_DEDUCTIONS = List.of("B1", "C1", "C2");

    @Autowired
    ApplicationContext context;
    @Autowired
    Organisations organisations;
    @Autowired
    UserAccounts accounts;
    @Autowired
    NetworkUnits units;
    @Autowired
    Agencies agencies;
    @Autowired
    SpotChecks checks;
    @Autowired
    ScoreSheets sheets;
    @Autowired
    MessageSource messages;
    @Autowired
    Clock clock;

    private Organisation enterprise;
    private String operator;
    private String officer;
    private String ministry;
    private String leader;
    private Actor member;
    private String officerSecret;
    private String ministrySecret;
    private String leaderSecret;
    private long checkId;

    @BeforeEach
    void fixture() {
        LocalDate today = LocalDate.now(clock);
        enterprise = OrganisationFixtures.organisation(organisations, OrganisationType.VALUE_ADDED_TELECOM, PROVINCE,
                null);
        Organisation administration = OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, PROVINCE, null);
        Organisation bureau = OrganisationFixtures.organisation(organisations, OrganisationType.MINISTRY_BUREAU,
                null, null);
        operator = BrowserAccountFixtures.account(context, enterprise, PASSWORD, Role.OPERATOR_ADMIN);
        officer = BrowserAccountFixtures.account(context, administration, PASSWORD, Role.PROVINCIAL_OFFICER);
        ministry = BrowserAccountFixtures.account(context, bureau, PASSWORD, Role.MINISTRY_OFFICER);
        officerSecret = enrolled(officer);
        ministrySecret = enrolled(ministry);

        Actor regulator = OrganisationFixtures.actor(administration, Role.PROVINCIAL_OFFICER);
        Actor owner = OrganisationFixtures.actor(enterprise, Role.OPERATOR_ADMIN);
        NetworkUnit draft = units.create(owner, NetworkUnitFixtures.unitInput("门户网站", "PORTAL", "3.1",
                List.of(NetworkUnitFixtures.domain("portal.example.cn"))));
        NetworkUnit submitted = units.submit(owner, draft.id(), draft.version());
        NetworkUnit unit = units.accept(regulator, draft.id(), submitted.version());
        Organisation agency = AgencyFixtures.agency(organisations, agencies, regulator, today.plusYears(1));
        Actor leaderActor = inspector(regulator, agency, today);
        member = inspector(regulator, agency, today);
        leader = leaderActor.username();
        leaderSecret = enrolled(leader);

        SpotCheckView check = checks.create(regulator, new NewSpotCheck(Long.toString(enterprise.id()),
                Long.toString(unit.id()), Long.toString(leaderActor.userId()), Long.toString(member.userId()),
                today.toString(), "部交办：举报核查"));
        SpotCheckView scheduled = checks.schedule(regulator, check.id(), check.version(), new ScheduleInput(
                List.of("INTERVIEW", "DOCUMENT_REVIEW"), today.toString(), today.plusDays(3).toString(),
                "网络安全管理制度、资产清单"));
        checkId = checks.start(leaderActor, scheduled.id(), scheduled.version()).id();
    }

    private String enrolled(String username) {
        String secret = new DefaultSecretGenerator(32).generate();
        BrowserAccountFixtures.enrolMfa(context, username, secret);
        return secret;
    }

    private Actor inspector(Actor regulator, Organisation agency, LocalDate today) {
        long id = AgencyFixtures.inspector(accounts, agencies, regulator, agency,
                List.of("TEAM_LEADER", "PENETRATION_TESTING"), today.plusYears(1), today.plusYears(1)).userId();
        UserAccount a = accounts.findUnscoped(id).orElseThrow();
        return new Actor(a.id(), a.username(), a.organisationId(), OrganisationType.TESTING_AGENCY, null,
                Set.of(Role.INSPECTOR));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    /** Signs in with the password and, for an account with a {@code secret}, a fresh second-factor code. */
    private void signIn(String username, String password, String secret) {
        driver.manage().deleteAllCookies();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("signin-submit")).click();
        if (secret != null) {
            waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("mfa-form")));
            driver.findElement(By.id("code")).sendKeys(BrowserAccountFixtures.freshCode(secret));
            driver.findElement(By.id("mfa-submit")).click();
        }
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".role-badge")));
    }

    private void type(String id, String value) {
        WebElement e = driver.findElement(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        e.clear();
        e.sendKeys(value);
    }

    private void clickCentred(String id) {
        WebElement e = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        e.click();
    }

    private long record(String title, String category, boolean major) {
        int before = findingRows().size();
        type("title", title);
        new Select(driver.findElement(By.id("severity"))).selectByValue("HIGH");
        new Select(driver.findElement(By.id("category"))).selectByValue(category);
        type("description", title + "（现场检测发现）");
        if (major) {
            clickCentred("finding-major");
            type("majorReason", "可导致大量用户个人信息泄露");
        }
        clickCentred("record-finding");
        waiting().until(d -> findingRows().size() == before + 1);
        return findingRows().stream().filter(r -> r.getText().contains(title))
                .map(r -> Long.parseLong(r.getAttribute("id").substring("finding-".length()))).findFirst().orElseThrow();
    }

    private List<WebElement> findingRows() {
        return driver.findElements(By.cssSelector("#findings tr[id^='finding-']"));
    }

    private String noticeCell(long findingId) {
        return driver.findElement(By.id("finding-" + findingId)).getText();
    }

    @Test
    void theLeaderRecordsAndTellsTheOperatorAcknowledgesTheMinistrySeesTheMajorOneAndTheApprovedScoreIsRanked() {
        // the leader records two findings, one marked major, and gives the on-site notice of each
        signIn(leader, INSPECTOR_PASSWORD, leaderSecret);
        navigate("nav-spot-checks");
        driver.get(url("/spot-checks/" + checkId));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("finding-form")));
        long weak = record("后台弱口令 admin/admin", "WEAK_PASSWORD", false);
        long leak = record("用户信息接口未鉴权", "VULNERABILITY", true);
        clickCentred("tell-" + weak);
        waiting().until(d -> driver.findElements(By.id("tell-" + weak)).isEmpty());
        clickCentred("tell-" + leak);
        waiting().until(d -> driver.findElements(By.id("tell-" + leak)).isEmpty());
        assertThat(noticeCell(weak)).contains(text("spotcheck.notice.state.TOLD"));
        assertThat(noticeCell(leak)).contains(text("spotcheck.notice.state.TOLD"), text("spotcheck.major.badge"));
        assertNoContentSecurityPolicyViolation();

        // the operator acknowledges the first notice and leaves the second one open
        signIn(operator, PASSWORD, null);
        navigate("nav-spot-checks");
        driver.get(url("/spot-checks/" + checkId));
        type("ack-name-" + weak, "孙七");
        clickCentred("acknowledge-" + weak);
        waiting().until(d -> noticeCell(weak).contains(text("spotcheck.notice.state.ACKNOWLEDGED")));
        assertThat(noticeCell(weak)).contains("孙七");
        assertThat(noticeCell(leak)).contains(text("spotcheck.notice.state.TOLD"));
        assertNoContentSecurityPolicyViolation();

        // the major problem is on the Ministry's list, the other finding is not
        signIn(ministry, PASSWORD, ministrySecret);
        navigate("nav-major-problems");
        WebElement row = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("major-" + leak)));
        assertThat(row.getText()).contains("用户信息接口未鉴权", enterprise.name());
        assertThat(driver.findElements(By.id("major-" + weak))).isEmpty();

        // the team scores: the leader opens the sheet and deducts for the weak password, the member marks the rest
        signIn(leader, INSPECTOR_PASSWORD, leaderSecret);
        navigate("nav-score-sheets");
        type("spotCheckId", Long.toString(checkId));
        clickCentred("score-sheet-open-button");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("score-sheet-state")));
        long sheetId = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/score-sheets/(\\d+).*", "$1"));
        type("occurrences-A2", "1");
        type("reason-A2", "后台弱口令");
        type("findings-A2", Long.toString(weak));
        clickCentred("mark-A2");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("flash-done")));
        assertThat(driver.findElement(By.id("item-score-A2")).getText()).isNotEqualTo(text("scoring.sheet.unscored"));
        for (String item : FULL_FRACTIONS) {
            sheets.mark(member, sheetId, item, new Mark(null, BigDecimal.ONE, null, false, null, null));
        }
        for (String item : NO_DEDUCTIONS) {
            sheets.mark(member, sheetId, item, new Mark(0, null, null, false, null, null));
        }
        sheets.mark(member, sheetId, "D3", new Mark(null, null, null, false, null, null));
        driver.navigate().refresh();
        assertThat(driver.findElements(By.id("score-sheet-unmarked"))).isEmpty();
        String total = driver.findElement(By.id("score-sheet-total")).getText();
        clickCentred("score-sheet-submit");
        waiting().until(ExpectedConditions.textToBe(By.id("score-sheet-state"),
                text("scoring.state.SUBMITTED")));
        assertNoContentSecurityPolicyViolation();

        // the provincial officer approves it and the ranking of the year shows the operator
        signIn(officer, PASSWORD, officerSecret);
        driver.get(url("/score-sheets/" + sheetId));
        clickCentred("score-sheet-approve");
        waiting().until(ExpectedConditions.textToBe(By.id("score-sheet-state"), text("scoring.state.APPROVED")));
        assertThat(driver.findElement(By.id("score-sheet-total")).getText()).isEqualTo(total);
        navigate("nav-rankings");
        type("rankings-year", Integer.toString(LocalDate.now(clock).getYear()));
        new Select(driver.findElement(By.id("rankings-type"))).selectByValue("VALUE_ADDED_TELECOM");
        clickCentred("rankings-show");
        WebElement ranked = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("ranking-" + sheetId)));
        assertThat(ranked.getText()).contains(enterprise.name());
        assertNoContentSecurityPolicyViolation();
    }
}
