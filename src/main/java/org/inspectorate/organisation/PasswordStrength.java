package org.inspectorate.organisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import com.nulabinc.zxcvbn.Pattern;
import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import com.nulabinc.zxcvbn.matchers.Match;

/**
 * How many guesses a password would take an attacker who knows how people choose them (口令强度), estimated by
 * zxcvbn (its Java port): keyboard walks ({@code 1qaz@WSX}), repeats ({@code aA1!aA1!}), sequences
 * ({@code 123456}, {@code abc}), dates and years, dictionary words with l33t and capitals, the breached passwords
 * shipped with us ({@code breached-passwords.txt.gz}, the 100,000 most common of a breach compilation; see
 * docs/passwords.md) and our Chinese weak-password list, and the context words of the account: its username and
 * display name, its organisation's name and the product's name. A password under {@value #MIN_GUESSES_LOG10}
 * in log10 guesses (10^10, zxcvbn's top score: months of an offline attack on a slow hash) is refused, naming
 * the pattern that made it guessable.
 *
 * <p>Plain Java and thread-safe; the dictionaries are loaded once per JVM, on first use.
 */
final class PasswordStrength {

    /** A password needs at least 10^10 guesses. */
    static final int MIN_GUESSES_LOG10 = 10;

    /** Words everyone guesses first for an account here: the product's names. */
    static final List<String> PRODUCT_WORDS = List.of("inspectorate", "inspect");

    static final String BREACHED = "breached";
    static final String WEAK = "weak";

    /** Why a password is guessable; each is a message key {@code password.guessable.<key>}. */
    enum Reason {
        /** A keyboard walk ({@code 1qaz@WSX3edc}, {@code qwerty}). */
        KEYBOARD("keyboard"),
        /** A repeated character or group ({@code aaaaaa}, {@code aA1!aA1!}). */
        REPEAT("repeat"),
        /** A run of the alphabet or of digits ({@code 123456}, {@code abc}). */
        SEQUENCE("sequence"),
        /** A date or a recent year ({@code 2026}, {@code 19900101}). */
        DATE("date"),
        /** A word of a dictionary or a common name. */
        DICTIONARY("dictionary"),
        /** One of the passwords published from breaches, or of our weak-password list. */
        BREACHED("breached"),
        /** The account's own names, its organisation's, or the product's. */
        CONTEXT("context"),
        /** Nothing recognisable, but too short and simple to be guessed slowly enough. */
        SIMPLE("simple");

        private final String key;

        Reason(String key) {
            this.key = key;
        }

        String messageKey() {
            return "password.guessable." + key;
        }
    }

    /** The estimate: guesses in log10, and the pattern that made a guessable password guessable. */
    record Estimate(double guessesLog10, Reason reason) {

        boolean guessable() {
            return guessesLog10 < MIN_GUESSES_LOG10;
        }
    }

    private final Zxcvbn zxcvbn;

    PasswordStrength(List<String> breached, List<String> weak) {
        try {
            this.zxcvbn = new ZxcvbnBuilder()
                    .dictionaries(StandardDictionaries.loadAllDictionaries())
                    .keyboards(StandardKeyboards.loadAllKeyboards())
                    .dictionary(new Dictionary(BREACHED, breached))
                    .dictionary(new Dictionary(WEAK, weak))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The estimator with the lists shipped beside this class; one per JVM, built on first use. */
    static PasswordStrength standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final PasswordStrength INSTANCE = new PasswordStrength(
                readList("breached-passwords.txt.gz", true), readList("weak-passwords.txt", false));
    }

    /** The estimate for {@code candidate} when the attacker knows {@code contextWords} (besides the product's). */
    Estimate estimate(String candidate, List<String> contextWords) {
        Strength strength = zxcvbn.measure(candidate, contextWords(contextWords));
        return new Estimate(strength.getGuessesLog10(), reason(strength.getSequence()));
    }

    /** The context words as zxcvbn matches them: lower-case, whole and split at blanks and punctuation. */
    static List<String> contextWords(List<String> words) {
        Set<String> out = new LinkedHashSet<>(PRODUCT_WORDS);
        for (String w : words) {
            if (w == null || w.isBlank()) {
                continue;
            }
            String lower = w.strip().toLowerCase(Locale.ROOT);
            out.add(lower);
            for (String part : lower.split("[\\s\\p{Punct}]+")) {
                if (part.codePointCount(0, part.length()) >= 3) {
                    out.add(part);
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The pattern to name: of the matches zxcvbn's best guess is made of, the one covering the most characters
     * (a tie goes to the fewer guesses); only brute force is "too simple".
     */
    static Reason reason(List<Match> sequence) {
        return sequence.stream().filter(m -> m.pattern != Pattern.Bruteforce)
                .max(Comparator.comparingInt(Match::tokenLength)
                        .thenComparing(m -> m.guesses == null ? 0 : -m.guesses))
                .map(PasswordStrength::reasonOf).orElse(Reason.SIMPLE);
    }

    private static Reason reasonOf(Match m) {
        return switch (m.pattern) {
            case Spatial -> Reason.KEYBOARD;
            case Repeat -> Reason.REPEAT;
            case Sequence -> m.token.chars().distinct().count() == 1 ? Reason.REPEAT : Reason.SEQUENCE; // "aaaa" 
            case Date, Regex -> Reason.DATE; // zxcvbn's one regex is the recent year
            case Dictionary -> dictionaryReason(m.dictionaryName);
            case Bruteforce -> Reason.SIMPLE;
        };
    }

    private static Reason dictionaryReason(String dictionary) {
        return switch (Optional.ofNullable(dictionary).orElse("")) {
            case "user_inputs" -> Reason.CONTEXT;
            case BREACHED, WEAK, StandardDictionaries.PASSWORDS -> Reason.BREACHED;
            default -> Reason.DICTIONARY;
        };
    }

    /** One entry per line, in rank order; blank lines and {@code #} comments skipped. */
    static List<String> readList(String resource, boolean gzipped) {
        List<String> words = new ArrayList<>();
        try (InputStream raw = PasswordStrength.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("password list missing: " + resource);
            }
            InputStream in = gzipped ? new GZIPInputStream(raw) : raw;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
