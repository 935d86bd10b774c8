package org.inspectorate.finding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import us.springett.cvss.Cvss;
import us.springett.cvss.CvssV3_1;

/** A CVSS v3.1 base vector (CVSS:3.1/AV:N/…) and the base score computed from it. */
public record CvssScore(String vector, BigDecimal baseScore) {

    /** The vector's score, or empty when it is not a complete CVSS v3.1 base vector. */
    public static Optional<CvssScore> parse(String vector) {
        if (vector == null || vector.isBlank() || vector.length() > 200) {
            return Optional.empty();
        }
        String text = vector.strip();
        if (!text.startsWith("CVSS:3.1/")) {
            return Optional.empty();
        }
        try {
            Cvss cvss = Cvss.fromVector(text);
            if (!(cvss instanceof CvssV3_1)) {
                return Optional.empty();
            }
            double score = cvss.calculateScore().getBaseScore();
            if (Double.isNaN(score)) {
                return Optional.empty();
            }
            return Optional.of(new CvssScore(text, BigDecimal.valueOf(score).setScale(1, RoundingMode.HALF_UP)));
        } catch (RuntimeException e) {
            // the library answers a malformed or incomplete vector with an exception or null
            return Optional.empty();
        }
    }
}
