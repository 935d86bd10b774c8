package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.inspectorate.support.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;

/** An operator's administrator (no second factor required) signs in, switches language and signs out. */
class OperatorSignInJourneyTest extends BrowserTest {

    private static final String PASSWORD = "Qz7!browser-Journey";

    @Autowired
    ApplicationContext context;

    @Autowired
    Organisations organisations;

    @Autowired
    MessageSource messages;

    private String username;

    @BeforeEach
    void operatorAdministrator() {
        Organisation enterprise = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.BEIJING, null);
        username = BrowserAccountFixtures.account(context, enterprise, PASSWORD, Role.OPERATOR_ADMIN);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private void signIn(String password) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("signin-submit")).click();
    }

    @Test
    void operatorAdministratorSignsInSwitchesLanguageSeesOnlyTheirNavigationAndSignsOut() {
        signIn(PASSWORD);

        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".role-badge")));
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/"));
        assertThat(driver.findElement(By.cssSelector(".role-badge")).getText())
                .isEqualTo(text("role.OPERATOR_ADMIN", Locale.SIMPLIFIED_CHINESE));
        assertThat(navText("nav-home"))
                .isEqualTo(text("nav.home", Locale.SIMPLIFIED_CHINESE));
        assertThat(driver.findElements(By.id("nav-organisations"))).hasSize(1);
        assertThat(driver.findElements(By.id("nav-audit"))).as("audit trail link for an operator").isEmpty();
        assertNoContentSecurityPolicyViolation();

        driver.findElement(By.id("lang-en")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("nav-home"), text("nav.home", Locale.ENGLISH)));
        assertThat(driver.findElement(By.cssSelector(".role-badge")).getText())
                .isEqualTo(text("role.OPERATOR_ADMIN", Locale.ENGLISH));
        assertThat(driver.findElement(By.id("sign-out")).getText()).isEqualTo(text("nav.signOut", Locale.ENGLISH));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).startsWith("en");
        assertNoContentSecurityPolicyViolation();

        driver.findElement(By.id("lang-zh")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("nav-home"), text("nav.home", Locale.SIMPLIFIED_CHINESE)));
        assertThat(driver.findElements(By.id("nav-audit"))).isEmpty();

        driver.findElement(By.id("sign-out")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signin-form")));
        assertThat(driver.getCurrentUrl()).contains("/login?logout");
        driver.get(url("/"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signin-form")));
        assertThat(driver.getCurrentUrl()).as("signed out: home needs signing in again").contains("/login");
        assertNoContentSecurityPolicyViolation();
    }

    @Test
    void aWrongPasswordKeepsTheOperatorOnTheSignInPageWithAMessage() {
        signIn("not-the-password-1A!");

        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signin-error")));
        assertThat(driver.findElement(By.id("signin-error")).getText())
                .isEqualTo(text("signin.failed", Locale.SIMPLIFIED_CHINESE));
        assertThat(driver.findElements(By.cssSelector(".role-badge"))).isEmpty();
        assertNoContentSecurityPolicyViolation();
    }
}
