package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Each role sees its own navigation: an operator's administrator manages units and users but never the audit
 * trail; the audit administrator (三员分立) sees the audit trail and no inspection data, and verifies the chain.
 * Swagger UI, a public page, renders under the content security policy.
 */
class RoleNavigationJourneyTest extends SignInJourney {

    @Test
    void operatorAdministratorSeesUnitsAndUsersButNotTheAuditTrail() {
        String admin = account(OrganisationType.INTERNET_ENTERPRISE, Province.GUANGDONG, Role.OPERATOR_ADMIN);
        submitPassword(admin);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".role-badge")));
        assertThat(driver.getCurrentUrl()).as("no second factor for an operator").isEqualTo(url("/"));

        assertThat(navText("nav-organisations")).isEqualTo(zh("nav.organisations"));
        assertThat(navText("nav-users")).isEqualTo(zh("nav.users"));
        assertThat(navText("nav-network-units")).isEqualTo(zh("filing.nav.units"));
        assertThat(driver.findElements(By.id("nav-audit"))).isEmpty();
        assertThat(driver.findElements(By.id("nav-filing-review"))).as("regulators' review queue").isEmpty();
        assertThat(navText("nav-self-inspections")).isEqualTo(zh("selfinspection.nav"));
        assertThat(driver.findElements(By.id("nav-self-inspection-status"))).as("regulators' status view").isEmpty();

        driver.get(url("/audit"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertThat(driver.findElements(By.id("verify-chain"))).as("the audit page refuses an operator").isEmpty();
        assertThat(driver.getPageSource()).doesNotContain(zh("audit.title") + "</h1>");
        assertNoContentSecurityPolicyViolation();
    }

    @Test
    void auditAdministratorSignsInWithACodeSeesOnlyTheAuditTrailAndFindsTheChainIntact() {
        String auditor = account(OrganisationType.MINISTRY_BUREAU, Province.BEIJING, Role.AUDIT_ADMIN);
        signInAndEnrol(auditor);
        assertThat(driver.findElement(By.cssSelector(".role-badge")).getText()).isEqualTo(zh("role.AUDIT_ADMIN"));

        assertThat(navText("nav-audit")).isEqualTo(zh("nav.audit"));
        assertThat(driver.findElements(By.id("nav-network-units"))).isEmpty();
        assertThat(driver.findElements(By.id("nav-filing-review"))).isEmpty();
        assertThat(driver.findElements(By.id("nav-organisations"))).as("no inspection data by the audit role").isEmpty();
        assertThat(driver.findElements(By.id("nav-users"))).isEmpty();
        assertThat(driver.findElements(By.id("nav-self-inspections"))).isEmpty();
        assertThat(driver.findElements(By.id("nav-self-inspection-status"))).isEmpty();

        navigate("nav-audit");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("verify-chain")));
        assertThat(driver.getPageSource()).contains(auditor).doesNotContain("??");
        driver.findElement(By.id("verify-chain")).click();
        WebElement result = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("verification-result")));
        String[] around = zh("audit.verify.intact", "\u0001").split("\u0001");
        assertThat(result.getAttribute("class")).contains("alert-success");
        assertThat(result.getText()).startsWith(around[0]).endsWith(around[1]);
        assertNoContentSecurityPolicyViolation();
    }

    @Test
    void swaggerUiShowsTheApiWithoutBreakingAContentSecurityPolicy() {
        driver.get(url("/swagger-ui.html"));
        // Swagger UI is a 1.5 MB script bundle: give it longer than a page of ours on a busy machine.
        new WebDriverWait(driver, Duration.ofSeconds(40))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-summary-path")));
        assertThat(driver.findElements(By.cssSelector(".opblock-summary-path")))
                .extracting(e -> e.getAttribute("data-path")).anyMatch(path -> path.startsWith("/api/v1/organisations"));
        assertNoContentSecurityPolicyViolation();
    }
}
