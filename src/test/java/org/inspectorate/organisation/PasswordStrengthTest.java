package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.inspectorate.organisation.PasswordStrength.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordStrengthTest {

    private final PasswordStrength strength = PasswordStrength.standard();
    private final PasswordPolicy policy = PasswordPolicy.standard();

    private PasswordStrength.Estimate estimate(String candidate, String... context) {
        return strength.estimate(candidate, List.of(context));
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "Aa1!aaaaaa|REPEAT", "aA1!aA1!aA1!|REPEAT", "1qaz@WSX3edc|BREACHED", "zxcvbnm,./ZX|KEYBOARD",
            "Hjkl;:Uiop[]|KEYBOARD", "Defghijk456!|SEQUENCE", "Su19900101!|DATE", "Correcthorse1!|DICTIONARY",
            "Inspectorate1!|CONTEXT", "Inspect@2026!|CONTEXT", "Iloveyou123!|BREACHED"})
    void aGuessablePasswordIsRefusedNamingWhatMadeItGuessable(String candidate, Reason reason) {
        PasswordStrength.Estimate e = estimate(candidate, "someone");
        assertThat(e.guessable()).as("%s: 10^%.1f guesses", candidate, e.guessesLog10()).isTrue();
        assertThat(e.reason()).isEqualTo(reason);
    }

    @Test
    void theAccountsOwnNamesAndItsOrganisationsAreGuessedFirst() {
        assertThat(estimate("Lanternfish#2031", "someone").guessable()).isFalse();
        assertThat(estimate("Lanternfish#2031", "someone", "Lanternfish Networks Ltd")).satisfies(e -> {
            assertThat(e.guessable()).isTrue();
            assertThat(e.reason()).isEqualTo(Reason.CONTEXT);
        });
        assertThat(estimate("Qiaohong!Harbour7", "someone", "Qiaohong Wang").reason()).isEqualTo(Reason.CONTEXT);
    }

    @Test
    void contextWordsAreLowerCasedAndSplitIntoTheirParts() {
        assertThat(PasswordStrength.contextWords(List.of("Wang Qiaohong", "华东网络 Co.")))
                .contains("inspectorate", "inspect", "wang qiaohong", "wang", "qiaohong", "华东网络 co.")
                .doesNotContain("co");
    }

    @Test
    void aLongUnpredictablePasswordIsAccepted() {
        assertThat(estimate("Tide-Pool7-Harbour", "zhangsan").guessable()).isFalse();
        assertThat(estimate("x7#Qm2!vR9@kL4", "zhangsan").guessable()).isFalse();
        assertThat(estimate("qinghai湖Lake2031", "zhangsan").guessable()).isFalse();
    }

    @Test
    void thePolicyNamesTheReasonAsAMessageKeyOnceTheOtherRulesHold() {
        assertThat(policy.violations(new PasswordContext("zhangsan", "张三", "某省测评中心"), "Summer2026!!"))
                .containsExactly(PasswordPolicy.Violation.of("password.guessable.breached"));
        assertThat(policy.violations(PasswordContext.of("zhangsan"), "short1!"))
                .extracting(PasswordPolicy.Violation::code).containsExactly("password.tooShort");
    }

    @Test
    void theBreachedListHoldsTensOfThousandsOfPasswords() throws Exception {
        try (var in = new java.util.zip.GZIPInputStream(
                PasswordStrength.class.getResourceAsStream("breached-passwords.txt.gz"))) {
            long lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().count();
            assertThat(lines).isGreaterThanOrEqualTo(100_000);
        }
    }
}
