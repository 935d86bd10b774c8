package org.inspectorate.filing;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A domain name (域名), stored in its ASCII form (internationalised names as punycode, e.g.
 * {@code 中国.cn} → {@code xn--fiqs8s.cn}). A leading {@code *.} wildcard is allowed because operators
 * file wildcard certificates' names. At least two labels; each 1–63 letters, digits or hyphens, not
 * starting or ending with a hyphen; 253 characters in all; the top-level label is not numeric.
 */
record DomainName(String ascii) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public DomainName {
        ascii = check(ascii);
    }

    public static DomainName parse(String input) {
        return new DomainName(input);
    }

    /** The name for people: internationalised labels in their own script. */
    public String unicode() {
        return IDN.toUnicode(ascii);
    }

    private static String check(String input) {
        String s = input == null ? "" : input.strip();
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            throw new InvalidValueException("filing.asset.domain.empty");
        }
        String wildcard = "";
        if (s.startsWith("*.")) {
            wildcard = "*.";
            s = s.substring(2);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(s, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("filing.asset.domain.invalid", input);
        }
        if (ascii.length() + wildcard.length() > 253) {
            throw new InvalidValueException("filing.asset.domain.tooLong", input);
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            throw new InvalidValueException("filing.asset.domain.labels", input);
        }
        for (String label : labels) {
            if (label.length() > 63 || !LABEL.matcher(label).matches()) {
                throw new InvalidValueException("filing.asset.domain.label", input, label);
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw new InvalidValueException("filing.asset.domain.invalid", input);
        }
        return wildcard + ascii;
    }

    @Override
    public String toString() {
        return ascii;
    }
}
