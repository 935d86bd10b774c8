package org.inspectorate.finding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;

import us.springett.cvss.Cvss;
import us.springett.cvss.CvssV2;
import us.springett.cvss.CvssV3;
import us.springett.cvss.CvssV3_1;

/**
 * A CVSS base vector (CVSS 向量) and the base score computed from it, with its version: {@code 2.0}
 * ({@code AV:N/AC:L/Au:N/C:P/I:P/A:P}, also written {@code CVSS2#AV:N/…} or in parentheses), {@code 3.0}
 * ({@code CVSS:3.0/…}), {@code 3.1} ({@code CVSS:3.1/…}) or {@code 4.0} ({@code CVSS:4.0/…}, base metrics
 * required, threat and environmental metrics applied where given).
 *
 * @param vector the vector as stored: the scanner's text, stripped of surrounding blanks
 */
public record CvssScore(String version, String vector, BigDecimal baseScore) {

    /** The longest vector the register keeps (a CVSS 4.0 vector with every metric is about 170 characters). */
    public static final int MAX_VECTOR = 200;

    private static final Pattern V2 = Pattern.compile("AV:[LAN]/AC:[HML]/Au:[MSN]/C:[NPC]/I:[NPC]/A:[NPC](/.*)?");

    /** The vector's score, or empty when it is not a complete base vector of a version the register knows. */
    public static Optional<CvssScore> parse(String vector) {
        if (vector == null || vector.isBlank() || vector.length() > MAX_VECTOR) {
            return Optional.empty();
        }
        String text = vector.strip();
        if (text.startsWith(Cvss4.PREFIX)) {
            return Cvss4.score(text).map(s -> new CvssScore("4.0", text, scale(s)));
        }
        if (text.startsWith("CVSS:3.1/")) {
            return library(text, text, CvssV3_1.class, "3.1");
        }
        if (text.startsWith("CVSS:3.0/")) {
            return library(text, text, CvssV3.class, "3.0");
        }
        String v2 = text;
        if (v2.startsWith("(") && v2.endsWith(")")) {
            v2 = v2.substring(1, v2.length() - 1).strip();
        }
        if (v2.startsWith("CVSS2#")) {
            v2 = v2.substring("CVSS2#".length());
        }
        if (V2.matcher(v2).matches()) {
            return library(text, v2, CvssV2.class, "2.0");
        }
        return Optional.empty();
    }

    private static Optional<CvssScore> library(String stored, String vector, Class<? extends Cvss> type,
            String version) {
        try {
            Cvss cvss = Cvss.fromVector(vector);
            // CvssV3_1 extends CvssV3: the exact class tells the versions apart
            if (cvss == null || cvss.getClass() != type) {
                return Optional.empty();
            }
            double score = cvss.calculateScore().getBaseScore();
            if (Double.isNaN(score)) {
                return Optional.empty();
            }
            return Optional.of(new CvssScore(version, stored, scale(score)));
        } catch (RuntimeException e) {
            // the library answers a malformed or incomplete vector with an exception or null
            return Optional.empty();
        }
    }

    private static BigDecimal scale(double score) {
        return BigDecimal.valueOf(score).setScale(1, RoundingMode.HALF_UP);
    }
}
