package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.inspectorate.support.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;

/**
 * Browser journeys that sign in through the real pages: the password form, the authenticator enrolment and the
 * TOTP code, computed here the way an authenticator app does (RFC 6238, {@code dev.samstevens.totp}).
 */
abstract class SignInJourney extends BrowserTest {

    static final String PASSWORD = "Qz7!browser-Journey";
    @Autowired
    ApplicationContext context;

    @Autowired
    Organisations organisations;

    @Autowired
    MessageSource messages;

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    String zh(String key, Object... args) {
        return text(key, Locale.SIMPLIFIED_CHINESE, args);
    }

    /** A new account of a new organisation of {@code type} in {@code province}, password already changed. */
    String account(OrganisationType type, Province province, Role role) {
        Organisation organisation = OrganisationFixtures.organisation(organisations, type, province, null);
        return BrowserAccountFixtures.account(context, organisation, PASSWORD, role);
    }

    void submitPassword(String username) {
        driver.get(url("/login"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signin-form")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("signin-submit")).click();
    }

    /**
     * First sign-in of an account whose role requires MFA: password, then the enrolment page, whose secret is read
     * off the page as a user would type it into the app. Returns the secret; the user is on the home page.
     */
    String signInAndEnrol(String username) {
        submitPassword(username);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("mfa-enrol-form")));
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/mfa/enrol"));
        assertThat(driver.findElement(By.id("mfa-qr")).getAttribute("src")).startsWith("data:image/png;base64,");
        assertThat(driver.findElements(By.id("mfa-skip"))).as("no skipping outside demo mode").isEmpty();
        String secret = driver.findElement(By.id("mfa-secret")).getText().strip();
        assertThat(secret).matches("[A-Z2-7]{32}");
        enterCode(freshCode(secret), "mfa-enrol-submit");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("recovery-codes")));
        assertThat(driver.findElements(By.cssSelector(".recovery-code"))).hasSize(RecoveryCodes.COUNT);
        clickCentred(By.id("recovery-continue"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".role-badge")));
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/"));
        return secret;
    }

    /** A later sign-in of an enrolled account: password, then a fresh code on the verification page. */
    void signInWithCode(String username, String secret) {
        submitPassword(username);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("mfa-form")));
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/mfa"));
        enterCode(freshCode(secret), "mfa-submit");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".role-badge")));
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/"));
    }

    /** Clicks the element after scrolling it to the middle of the window (below the fold it would be covered). */
    void clickCentred(By by) {
        WebElement e = driver.findElement(by);
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        e.click();
    }

    void enterCode(String code, String submitId) {
        driver.findElement(By.id("code")).clear();
        driver.findElement(By.id("code")).sendKeys(code);
        driver.findElement(By.id(submitId)).click();
    }

    void signOut() {
        driver.findElement(By.id("sign-out")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signin-form")));
        assertThat(driver.getCurrentUrl()).contains("/login?logout");
    }

    static String freshCode(String secret) {
        return BrowserAccountFixtures.freshCode(secret);
    }

    /** A six-digit code that is wrong for every step the server would accept now (and for the next). */
    static String wrongCode(String secret) {
        long now = currentStep();
        for (int candidate = 0; ; candidate++) {
            String code = String.format(Locale.ROOT, "%06d", candidate * 7919 % 1_000_000);
            boolean matches = false;
            for (long step = now - 2; step <= now + 2; step++) {
                matches |= code.equals(codeAt(secret, step));
            }
            if (!matches) {
                return code;
            }
        }
    }

    static String codeAt(String secret, long step) {
        return BrowserAccountFixtures.codeAt(secret, step);
    }

    private static long currentStep() {
        return BrowserAccountFixtures.currentStep();
    }
}
