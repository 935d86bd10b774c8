package org.inspectorate.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.standard();

    private List<String> codes(String username, String candidate) {
        return policy.violations(username, candidate).stream().map(PasswordPolicy.Violation::code).toList();
    }

    @Test
    void aLongMixedUncommonPasswordIsAccepted() {
        assertThat(codes("zhangsan", "Tide-Pool7-Harbour")).isEmpty();
        assertThat(codes("zhangsan", "qinghai湖Lake2031")).isEmpty();
    }

    @Test
    void aPasswordShorterThanTenCharactersIsRefusedWithTheMinimum() {
        assertThat(policy.violations("zhangsan", "Xk7#pQ2!v"))
                .containsExactly(PasswordPolicy.Violation.of("password.tooShort", 10));
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefused() {
        assertThat(codes("zhangsan", "Xk7#pQ2!vA".repeat(8))).containsExactly("password.tooLong");
    }

    @Test
    void twoCharacterClassesAreNotEnoughButAnyThreeAre() {
        assertThat(codes("zhangsan", "lowercaseonly")).containsExactly("password.classes");
        assertThat(codes("zhangsan", "lowercase4812")).containsExactly("password.classes");
        assertThat(codes("zhangsan", "ferry-lantern4812!")).isEmpty();
        assertThat(codes("zhangsan", "LowerCase4812")).isEmpty();
        assertThat(codes("zhangsan", "LowerCase#Tree")).isEmpty();
    }

    @Test
    void chineseCharactersCountAsSymbols() {
        assertThat(PasswordPolicy.characterClasses("网络安全abc123")).isEqualTo(3);
    }

    @Test
    void aPasswordContainingTheUsernameInAnyCaseIsRefused() {
        assertThat(codes("liuyifan", "My-LIUYIFAN-2031")).containsExactly("password.containsUsername");
        assertThat(codes("liuyifan", "My-Other-Name-2031")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890", "Woaini1314!", "Abc@123456", "Aa123456789", "P@ssw0rd2024!", "Qwerty@2024",
            "1qaz2wsx#EDC", "1Qaz2wsx3edc", "Zhang123@2024", "Wang123456!", "Zhangwei@1990", "Admin@123456",
            "Huawei@2024!", "Root@123456", "!!Liuyang2023", "Password123!", "ChinaMobile@2024", "5201314Love!"})
    void commonAndChinesePatternWeakPasswordsAreRefused(String weak) {
        assertThat(codes("someone", weak)).contains("password.weak");
    }

    @Test
    void weakListIsComparedIgnoringCaseAndSymbols() {
        assertThat(policy.isWeak("WOAINI1314")).isTrue();
        assertThat(policy.isWeak("abc@123")).isTrue();
        assertThat(policy.isWeak("A-b-c-1-2-3")).isTrue();
        assertThat(policy.isWeak("Tide-Pool7-Harbour")).isFalse();
    }

    @Test
    void theCoreStripsLeadingAndTrailingDigitsAndSymbolsOnly() {
        assertThat(PasswordPolicy.core("2024!zhangwei@123")).isEqualTo("zhangwei");
        assertThat(PasswordPolicy.core("p@ssw0rd2024!")).isEqualTo("p@ssw0rd");
        assertThat(PasswordPolicy.core("12345")).isEmpty();
    }

    @Test
    void anEmptyPasswordIsOneProblemOnly() {
        assertThat(codes("zhangsan", "  ")).containsExactly("password.required");
        assertThat(codes("zhangsan", null)).containsExactly("password.required");
    }

    @Test
    void theShippedListHasAFewHundredEntries() throws Exception {
        try (var in = PasswordPolicy.class.getResourceAsStream("weak-passwords.txt")) {
            long entries = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).count();
            assertThat(entries).isGreaterThan(300);
        }
    }

    /** Issue 14, item 2: each of these passed the old rules (length, three classes, the weak list). */
    @ParameterizedTest
    @ValueSource(strings = {"Aa1!aaaaaa", "Aaaaaaaaa1!", "Aa11111111", "1234567890Aa", "ABCabc123456", "Abc123!@#abc",
            "aA1!aA1!aA1!", "1qaz@WSX3edc", "!QAZ2wsx#EDC", "Summer2026!!", "Inspectorate1!"})
    void guessablePasswordsAreRefused(String guessable) {
        assertThat(codes("someone", guessable)).isNotEmpty();
    }
}
