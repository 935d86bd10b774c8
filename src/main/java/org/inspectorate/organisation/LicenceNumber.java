package org.inspectorate.organisation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value-added telecom business licence number (增值电信业务经营许可证编号): a province's
 * abbreviation for a provincial licence (京B2-20180001) or none for a cross-regional one issued by
 * the Ministry (B2-20180001), the business category (A1, A2, B1, B2), and eight digits.
 */
public record LicenceNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("^(\\p{IsHan})?([AB][12])-(\\d{8})$");

    public LicenceNumber {
        if (problemWith(value).isPresent()) {
            throw new IllegalArgumentException("not a valid licence number: " + value);
        }
    }

    public static LicenceNumber parse(String input) {
        return new LicenceNumber(input == null ? null : input.strip().toUpperCase(Locale.ROOT));
    }

    /** Why {@code value} is not a valid licence number, as a message key, or empty when it is valid. */
    public static Optional<String> problemWith(String value) {
        if (value == null) {
            return Optional.of("licence.format");
        }
        Matcher m = FORMAT.matcher(value);
        if (!m.matches()) {
            return Optional.of("licence.format");
        }
        if (m.group(1) != null && Province.ofAbbreviation(m.group(1)).isEmpty()) {
            return Optional.of("licence.province");
        }
        return Optional.empty();
    }

    /** The issuing province, or empty for a cross-regional licence issued by the Ministry. */
    public Optional<Province> issuingProvince() {
        Matcher m = FORMAT.matcher(value);
        m.matches();
        return m.group(1) == null ? Optional.empty() : Province.ofAbbreviation(m.group(1));
    }

    public boolean crossRegional() {
        return issuingProvince().isEmpty();
    }

    @Override
    public String toString() {
        return value;
    }
}
