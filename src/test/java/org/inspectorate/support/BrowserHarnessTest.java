package org.inspectorate.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The harness itself: it sees the application, and its CSP check does catch a violation. */
class BrowserHarnessTest extends BrowserTest {

    @Test
    void theSignInPageLoadsItsScriptsAndStylesWithoutBreakingThePolicy() {
        driver.get(url("/login"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signin-form")));
        // htmx and Bootstrap come from WebJars on our own origin and ran.
        waiting().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return typeof htmx !== 'undefined' && typeof bootstrap !== 'undefined'")));
        assertNoContentSecurityPolicyViolation();
    }

    @Test
    void anInlineScriptIsReportedAsAContentSecurityPolicyViolation() {
        driver.get(url("/login"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signin-form")));
        ((JavascriptExecutor) driver).executeScript(
                "var s = document.createElement('script'); s.textContent = 'window.inlineRan = true;';"
                        + " document.body.appendChild(s);");
        Object ran = ((JavascriptExecutor) driver).executeScript("return window.inlineRan === true");
        assertThat(ran).as("the policy blocked the inline script").isEqualTo(false);
        assertThatThrownBy(BrowserTest::assertNoContentSecurityPolicyViolation).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Content Security Policy");
    }
}
