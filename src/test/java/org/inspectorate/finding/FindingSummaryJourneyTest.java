package org.inspectorate.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

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
import org.inspectorate.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.samstevens.totp.secret.DefaultSecretGenerator;

/**
 * A provincial officer's findings journey: the home page's overdue number leads to the overdue
 * rectifications, the summary draws its charts (no CSP violation), and a number of the summary
 * opens the register filtered to it.
 */
class FindingSummaryJourneyTest extends BrowserTest {

    private static final String PASSWORD = "Qz7!summary-Journey";

    @Autowired
    Clock clock;
    @Autowired
    ApplicationContext context;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    Findings findings;
    @Autowired
    JdbcClient jdbc;

    private void click(String id) {
        WebElement e = driver.findElement(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        e.click();
    }

    @Test
    void theOfficerFollowsTheOverdueNumberAndDrillsDownFromTheSummaryCharts() throws Exception {
        Organisation enterprise = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.XINJIANG, null);
        Organisation administration = OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.XINJIANG, null);
        Actor operator = OrganisationFixtures.actor(enterprise, Role.OPERATOR_ADMIN);
        long unitId = units.create(operator, NetworkUnitFixtures.unitInput("旅程系统", "USER_DATA_SYSTEM", "2",
                List.of(NetworkUnitFixtures.ipAddress("198.51.100.21")))).id();
        long id = findings.open(operator, FindingFixtures.manual(unitId, "逾期弱口令", "WEAK_PASSWORD", "HIGH",
                LocalDate.now(clock).plusDays(10).toString())).id();
        jdbc.sql("UPDATE finding SET due_on = :d WHERE id = :id").param("d", Date.valueOf(LocalDate.now(clock).minusDays(3)))
                .param("id", id).update();
        FindingTallyFixture.recount(context, enterprise.id());
        String officer = BrowserAccountFixtures.account(context, administration, PASSWORD, Role.PROVINCIAL_OFFICER);
        String secret = new DefaultSecretGenerator(32).generate();
        BrowserAccountFixtures.enrolMfa(context, officer, secret);

        signInWithSecondFactor(officer, PASSWORD, secret);

        WebElement tile = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("tile-regulator-overdue")));
        assertThat(Long.parseLong(tile.findElement(By.className("home-count")).getText())).isPositive();
        click("tile-regulator-overdue");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("overdue-row-" + id)));

        click("overdue-to-summary");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-severity canvas")));
        assertThat(driver.findElements(By.cssSelector(".finding-chart canvas"))).hasSize(4);
        click("operator-" + enterprise.id() + "-overdue");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("finding-row-" + id)));
        assertThat(driver.findElement(By.id("drill-operator")).getText()).contains(enterprise.name());
        assertThat(driver.findElements(By.cssSelector("#findings-table tbody tr"))).hasSize(1);
        assertNoContentSecurityPolicyViolation();
    }
}
