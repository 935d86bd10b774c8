package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A provincial officer (a regulator: MFA required) signs in with a TOTP code, works in both languages, sees the
 * regulator's navigation and is refused another province's organisation on the pages and through the API.
 */
class RegulatorJourneyTest extends SignInJourney {

    @Test
    void provincialOfficerEnrolsAnAuthenticatorSignsOutAndSignsInAgainWithAFreshCode() {
        String officer = account(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.BEIJING, Role.PROVINCIAL_OFFICER);

        submitPassword(officer);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("mfa-enrol-form")));
        driver.get(url("/organisations"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("mfa-enrol-form")));
        assertThat(driver.findElements(By.cssSelector(".role-badge"))).as("no page before the second factor").isEmpty();

        String secret = signInAndEnrol(officer);
        assertThat(driver.findElement(By.cssSelector(".role-badge")).getText()).isEqualTo(zh("role.PROVINCIAL_OFFICER"));
        assertNoContentSecurityPolicyViolation();
        signOut();

        signInWithCode(officer, secret);
        assertThat(driver.findElement(By.cssSelector(".role-badge")).getText()).isEqualTo(zh("role.PROVINCIAL_OFFICER"));
        assertThat(navText("nav-account")).isEqualTo(officer);
        assertNoContentSecurityPolicyViolation();
    }

    @Test
    void anOfficerSavesTheRecoveryCodesAtEnrolmentAndSignsInWithOneWhenThePhoneIsLost() {
        String officer = account(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.HUNAN, Role.PROVINCIAL_OFFICER);
        submitPassword(officer);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("mfa-enrol-form")));
        String secret = driver.findElement(By.id("mfa-secret")).getText().strip();
        enterCode(freshCode(secret), "mfa-enrol-submit");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("recovery-codes")));
        assertThat(driver.findElement(By.id("recovery-download")).getAttribute("href"))
                .startsWith("data:text/plain;charset=utf-8,");
        assertThat(driver.findElement(By.id("recovery-download")).getAttribute("download"))
                .isEqualTo("inspectorate-recovery-codes.txt");
        List<String> saved = driver.findElements(By.cssSelector(".recovery-code")).stream()
                .map(e -> e.getText().strip()).toList();
        assertThat(saved).hasSize(10);
        assertNoContentSecurityPolicyViolation();
        clickCentred(By.id("recovery-continue"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".role-badge")));
        signOut();

        signInWithRecoveryCode(officer, saved.get(0));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".role-badge")));
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/"));

        driver.get(url("/account"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("recovery-left")));
        assertThat(driver.findElement(By.id("recovery-left")).getText()).isEqualTo("9");
        assertNoContentSecurityPolicyViolation();
        signOut();

        signInWithRecoveryCode(officer, saved.get(0));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-error")));
        assertThat(driver.findElement(By.id("recovery-error")).getText()).isEqualTo(zh("mfa.recovery.wrong"));
        assertThat(driver.findElements(By.cssSelector(".role-badge"))).as("a used code lets nobody in").isEmpty();
    }

    /** Password, then "lost your authenticator?" and the recovery code in place of the TOTP code. */
    private void signInWithRecoveryCode(String username, String code) {
        submitPassword(username);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("mfa-form")));
        clickCentred(By.cssSelector("#recovery summary"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-code")));
        driver.findElement(By.id("recovery-code")).sendKeys(code);
        clickCentred(By.id("recovery-submit"));
    }

    @Test
    void aWrongCodeShowsTheMessageAndLetsNobodyInUntilTheRightCode() {
        String officer = account(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.BEIJING, Role.PROVINCIAL_OFFICER);
        String secret = signInAndEnrol(officer);
        signOut();

        submitPassword(officer);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("mfa-form")));
        enterCode(wrongCode(secret), "mfa-submit");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("code-error")));
        assertThat(driver.findElement(By.id("code-error")).getText()).isEqualTo(zh("mfa.code.wrong"));
        assertThat(driver.findElements(By.cssSelector(".role-badge"))).isEmpty();
        driver.get(url("/"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("mfa-form")));
        assertThat(driver.getCurrentUrl()).as("home is out of reach with a wrong code").isEqualTo(url("/mfa"));

        enterCode(freshCode(secret), "mfa-submit");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".role-badge")));
        assertNoContentSecurityPolicyViolation();
    }

    @Test
    void theOfficerSwitchesToEnglishAndBackAndSeesTheRegulatorsNavigation() {
        String officer = account(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.BEIJING, Role.PROVINCIAL_OFFICER);
        signInAndEnrol(officer);
        assertThat(navText("nav-filing-review")).isEqualTo(zh("filing.nav.review"));
        assertThat(navText("nav-organisations")).isEqualTo(zh("nav.organisations"));
        assertThat(driver.findElements(By.id("nav-network-units"))).as("operators' filing pages").isEmpty();
        assertThat(driver.findElements(By.id("nav-users"))).isEmpty();
        assertThat(driver.findElements(By.id("nav-audit"))).isEmpty();

        driver.findElement(By.id("lang-en")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("nav-home"), text("nav.home", Locale.ENGLISH)));
        assertThat(navText("nav-filing-review"))
                .isEqualTo(text("filing.nav.review", Locale.ENGLISH)).isNotEqualTo(zh("filing.nav.review"));
        assertThat(navText("nav-organisations"))
                .isEqualTo(text("nav.organisations", Locale.ENGLISH));
        assertThat(driver.findElement(By.cssSelector(".role-badge")).getText())
                .isEqualTo(text("role.PROVINCIAL_OFFICER", Locale.ENGLISH));
        navigate("nav-organisations");
        waiting().until(ExpectedConditions.urlContains("/organisations"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).startsWith("en");
        assertThat(driver.getPageSource()).doesNotContain("??");
        assertNoContentSecurityPolicyViolation();

        driver.findElement(By.id("lang-zh")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("nav-home"), zh("nav.home")));
        assertThat(navText("nav-filing-review")).isEqualTo(zh("filing.nav.review"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).startsWith("zh");
        assertNoContentSecurityPolicyViolation();
    }

    @Test
    void anotherProvincesOrganisationIsNotFoundOnThePageAndThroughTheApi() throws Exception {
        String officer = account(OrganisationType.PROVINCIAL_ADMINISTRATION, Province.BEIJING, Role.PROVINCIAL_OFFICER);
        Organisation own = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.BEIJING, null);
        Organisation foreign = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.SHANGHAI, null);
        signInAndEnrol(officer);

        driver.get(url("/organisations/" + own.id()));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertThat(driver.getPageSource()).contains(own.name());
        assertThat(driver.findElements(By.id("error-title"))).isEmpty();

        driver.get(url("/organisations/" + foreign.id()));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("error-title")));
        assertThat(driver.findElement(By.id("error-title")).getText()).isEqualTo(zh("error.404.title"));
        assertThat(driver.getTitle()).isEqualTo(zh("error.404.title"));
        assertThat(driver.getPageSource()).doesNotContain(foreign.name()).doesNotContain(foreign.creditCode().value());
        assertNoContentSecurityPolicyViolation();

        driver.get(url("/account"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("token-form")));
        driver.findElement(By.id("token-name")).sendKeys("browser journey");
        clickCentred(By.id("token-create")); // the account page lists failed sign-ins above: the button may sit below the fold
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("token-value")));
        String token = driver.findElement(By.id("token-value")).getText().strip();
        assertThat(token).isNotBlank();
        assertNoContentSecurityPolicyViolation();

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> mine = http.send(api(token, own.id()), HttpResponse.BodyHandlers.ofString());
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains(own.creditCode().value());

        HttpResponse<String> theirs = http.send(api(token, foreign.id()), HttpResponse.BodyHandlers.ofString());
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(theirs.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(theirs.body()).contains("\"status\":404").doesNotContain(foreign.name())
                .doesNotContain(foreign.creditCode().value());
    }

    private HttpRequest api(String token, long organisationId) {
        return HttpRequest.newBuilder(URI.create(url("/api/v1/organisations/" + organisationId)))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
    }
}
