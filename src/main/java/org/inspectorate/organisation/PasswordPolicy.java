package org.inspectorate.organisation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The password rules (口令策略), in plain Java:
 * <ul>
 * <li>at least {@value #MIN_LENGTH} characters, and at most {@value #MAX_BYTES} bytes in UTF-8 (bcrypt reads no
 * more);</li>
 * <li>at least three of four character classes: upper-case letter, lower-case letter, digit, anything else
 * ("symbol", which includes Chinese characters and spaces);</li>
 * <li>does not contain the username, ignoring case (usernames of three characters or more);</li>
 * <li>is not a weak password. The shipped list ({@code weak-passwords.txt}) is compared ignoring case, against
 * the candidate itself, the candidate without its symbols ({@code Abc@123 → abc123}) and the candidate's
 * <em>core</em>: what remains after stripping leading and trailing digits and symbols
 * ({@code Huawei@2024 → huawei}, {@code 2024!Zhangwei → zhangwei}, {@code P@ssw0rd123 → p@ssw0rd}), with and
 * without its symbols. A word with a year or "123" around it is no stronger than the word.</li>
 * <li>once every rule above holds: needs at least 10^10 guesses by the strength estimator ({@link PasswordStrength},
 * zxcvbn with the breached-password list and the account's context words), refused as
 * {@code password.guessable.<reason>} naming the keyboard walk, repeat, sequence, date, dictionary word, breached
 * password or context word that made it guessable. It comes last so that a password has one clear reason at a
 * time: the rule the user can fix by typing, then how guessable what they typed is.</li>
 * </ul>
 * Each broken rule is one {@link Violation} whose code is a message key.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;
    static final int MIN_CLASSES = 3;
    private static final int MIN_USERNAME_LENGTH_CHECKED = 3;

    private final Set<String> weak;
    private final PasswordStrength strength;

    PasswordPolicy(Set<String> weakPasswords, PasswordStrength strength) {
        Set<String> normalised = new HashSet<>();
        weakPasswords.forEach(w -> normalised.add(w.strip().toLowerCase(Locale.ROOT)));
        this.weak = Set.copyOf(normalised);
        this.strength = strength;
    }

    /** The policy with the weak-password and breached-password lists shipped beside this class. */
    static PasswordPolicy standard() {
        return new PasswordPolicy(Set.copyOf(PasswordStrength.readList("weak-passwords.txt", false)),
                PasswordStrength.standard());
    }

    /** One broken rule: {@code code} is a message key, {@code args} its arguments. */
    record Violation(String code, List<Object> args) {

        Violation {
            args = List.copyOf(args);
        }

        static Violation of(String code, Object... args) {
            return new Violation(code, List.of(args));
        }
    }

    /** Every rule {@code candidate} breaks for the account {@code username}; empty when it is acceptable. */
    List<Violation> violations(String username, String candidate) {
        return violations(PasswordContext.of(username), candidate);
    }

    /** Every rule {@code candidate} breaks for the account {@code context} describes; empty when acceptable. */
    List<Violation> violations(PasswordContext context, String candidate) {
        List<Violation> violations = structuralViolations(context.username(), candidate);
        if (violations.isEmpty()) {
            PasswordStrength.Estimate estimate = strength.estimate(candidate, context.words());
            if (estimate.guessable()) {
                violations.add(Violation.of(estimate.reason().messageKey()));
            }
        }
        return violations;
    }

    /**
     * The rules without the strength estimate: what the shipped demo accounts' documented password must meet in
     * demo mode ({@link Passwords}), where it is known to everyone by design.
     */
    List<Violation> structuralViolations(String username, String candidate) {
        List<Violation> violations = new ArrayList<>();
        if (candidate == null || candidate.isBlank()) {
            violations.add(Violation.of("password.required"));
            return violations;
        }
        if (candidate.codePointCount(0, candidate.length()) < MIN_LENGTH) {
            violations.add(Violation.of("password.tooShort", MIN_LENGTH));
        }
        if (candidate.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            violations.add(Violation.of("password.tooLong", MAX_BYTES));
        }
        if (characterClasses(candidate) < MIN_CLASSES) {
            violations.add(Violation.of("password.classes", MIN_CLASSES));
        }
        if (containsUsername(username, candidate)) {
            violations.add(Violation.of("password.containsUsername"));
        }
        if (isWeak(candidate)) {
            violations.add(Violation.of("password.weak"));
        }
        return violations;
    }

    static int characterClasses(String candidate) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < candidate.length(); ) {
            int cp = candidate.codePointAt(i);
            if (Character.isUpperCase(cp)) {
                upper = true;
            } else if (Character.isLowerCase(cp)) {
                lower = true;
            } else if (Character.isDigit(cp)) {
                digit = true;
            } else {
                other = true;
            }
            i += Character.charCount(cp);
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    static boolean containsUsername(String username, String candidate) {
        if (username == null || username.strip().length() < MIN_USERNAME_LENGTH_CHECKED) {
            return false;
        }
        return candidate.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT));
    }

    boolean isWeak(String candidate) {
        String lower = candidate.toLowerCase(Locale.ROOT);
        String core = core(lower);
        for (String form : List.of(lower, lettersAndDigits(lower), core, lettersAndDigits(core))) {
            if (!form.isEmpty() && weak.contains(form)) {
                return true;
            }
        }
        return false;
    }

    /** The candidate without leading and trailing digits and symbols: {@code "2024!Zhangwei@123" → "zhangwei"}. */
    static String core(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && !Character.isLetter(s.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    static String lettersAndDigits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }
}
