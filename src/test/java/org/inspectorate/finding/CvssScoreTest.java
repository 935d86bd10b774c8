package org.inspectorate.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scores of every CVSS version the register reads. The 4.0 values are those of the FIRST CVSS v4.0 calculator
 * (the specification's reference implementation) for the same vectors.
 */
class CvssScoreTest {

    @ParameterizedTest(name = "{0} scores {1}")
    @CsvSource(delimiter = ';', value = {
        // base metrics only: the specification's example, the maximum, the minimum and values between
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N; 9.3",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H; 10.0",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N; 0.0",
        "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N; 1.0",
        "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N; 8.5",
        "CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:P/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N; 2.3",
        "CVSS:4.0/AV:A/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:L/SC:L/SI:L/SA:N; 6.1",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N; 5.3",
        // threat, environmental and supplemental metrics present
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U; 8.1",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P/CR:L/IR:L/AR:L; 7.9",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:L/SC:N/SI:N/SA:N/E:A/MAV:A; 8.7",
        "CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:P/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N/MSI:S; 6.9",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N/S:N/AU:Y/R:A/V:D/RE:L/U:Red; 5.3"})
    void aCvss4VectorScoresAsTheFirstCalculatorDoes(String vector, String expected) {
        CvssScore score = CvssScore.parse(vector).orElseThrow();
        assertThat(score.version()).isEqualTo("4.0");
        assertThat(score.baseScore()).isEqualByComparingTo(new BigDecimal(expected));
        assertThat(score.vector()).isEqualTo(vector);
    }

    @ParameterizedTest(name = "{0} is CVSS {1} and scores {2}")
    @CsvSource(delimiter = ';', value = {
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; 3.1; 9.8",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N; 3.1; 6.1",
        "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H; 3.0; 9.8",
        "CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N; 3.0; 5.5",
        "AV:N/AC:L/Au:N/C:P/I:P/A:P; 2.0; 7.5",
        "CVSS2#AV:N/AC:L/Au:N/C:C/I:C/A:C; 2.0; 10.0",
        "(AV:N/AC:M/Au:N/C:N/I:P/A:N); 2.0; 4.3",
        "AV:L/AC:H/Au:M/C:N/I:N/A:N; 2.0; 0.0"})
    void cvss2And3VectorsAreScoredWithTheirVersion(String vector, String version, String expected) {
        CvssScore score = CvssScore.parse(vector).orElseThrow();
        assertThat(score.version()).isEqualTo(version);
        assertThat(score.baseScore()).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "{0} does not parse")
    @ValueSource(strings = {
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:Q",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/AV:L",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/ZZ:A",
        "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H",
        "CVSS2#AV:N/AC:L/Au:N/C:P/I:P",
        "AV:N/AC:L/Au:N/C:P/I:P/A:Q",
        "not a vector"})
    void anIncompleteOrUnknownVectorDoesNotParse(String vector) {
        assertThat(CvssScore.parse(vector)).isEmpty();
    }
}
