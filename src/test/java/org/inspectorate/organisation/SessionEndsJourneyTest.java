package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A session never outlives the account's rights, as a user sees it: the page open in the browser of an account
 * that an administrator has just disabled sends its user to the sign-in page on the very next click.
 */
class SessionEndsJourneyTest extends SignInJourney {

    @Autowired
    UserAccounts accounts;

    @Test
    void aDisabledUsersOpenSessionIsSignedOutOnItsNextClick() {
        String username = account(OrganisationType.INTERNET_ENTERPRISE, Province.HENAN, Role.OPERATOR_STAFF);
        submitPassword(username);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".role-badge")));
        navigate("nav-findings");
        waiting().until(ExpectedConditions.urlContains("/findings"));

        Organisation ministry = OrganisationFixtures.organisation(organisations, OrganisationType.MINISTRY_BUREAU,
                null, null);
        UserAccount administrator = UserFixtures.account(accounts, ministry, Role.SYSTEM_ADMIN);
        long id = accounts.findByUsernameUnscoped(username).orElseThrow().id();
        accounts.setEnabled(UserFixtures.actor(administrator, ministry), id, false);

        navigate("nav-home");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signin-form")));
        assertThat(driver.getCurrentUrl()).startsWith(url("/login"));
        assertThat(driver.findElements(By.cssSelector(".role-badge"))).isEmpty();
        assertNoContentSecurityPolicyViolation();
    }
}
