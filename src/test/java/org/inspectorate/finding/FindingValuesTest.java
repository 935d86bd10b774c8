package org.inspectorate.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class FindingValuesTest {

    @Test
    void aCriticalNetworkVectorScoresNinePointEight() {
        CvssScore score = CvssScore.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").orElseThrow();
        assertThat(score.baseScore()).isEqualByComparingTo(new BigDecimal("9.8"));
        assertThat(score.vector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
    }

    @Test
    void aScopeChangedLocalVectorScoresAsTheSpecificationSays() {
        assertThat(CvssScore.parse("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H").orElseThrow().baseScore())
                .isEqualByComparingTo(new BigDecimal("8.8"));
        assertThat(CvssScore.parse("CVSS:3.1/AV:N/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N").orElseThrow().baseScore())
                .isEqualByComparingTo(new BigDecimal("0.0"));
    }

    @Test
    void garbageAndIncompleteVectorsDoNotParse() {
        assertThat(CvssScore.parse("garbage")).isEmpty();
        assertThat(CvssScore.parse("CVSS:3.1/AV:N/AC:L")).isEmpty();
        assertThat(CvssScore.parse("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")).isEmpty();
        assertThat(CvssScore.parse("CVSS:5.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")).isEmpty();
        assertThat(CvssScore.parse(null)).isEmpty();
    }

    @Test
    void vulnerabilityReferencesAreCheckedByTheirOwnFormats() {
        List<String> refs = VulnerabilityReferences.split("cve-2021-44228, CNVD-2021-95914；CNNVD-202112-799 CVE-2021-44228");
        assertThat(refs).containsExactly("CVE-2021-44228", "CNVD-2021-95914", "CNNVD-202112-799");
        assertThat(VulnerabilityReferences.invalid(refs)).isEmpty();
        assertThat(VulnerabilityReferences.invalid(List.of("CVE-21-1", "CNVD-2021-123", "CNNVD-202113-799",
                "CVE-2021-123", "OSVDB-1"))).hasSize(5);
        assertThat(VulnerabilityReferences.valid("CVE-2024-1234567")).isTrue();
    }

    @Test
    void dueDatesComeFromTheCampaignOrTheDefaultsPerSeverity() {
        SlaPolicy sla = new SlaPolicy(15, 30, 90);
        LocalDate opened = LocalDate.of(2026, 11, 26);
        assertThat(sla.dueOn(opened, Severity.HIGH, OptionalInt.empty())).isEqualTo(LocalDate.of(2026, 12, 11));
        assertThat(sla.dueOn(opened, Severity.MEDIUM, OptionalInt.empty())).isEqualTo(LocalDate.of(2026, 12, 26));
        assertThat(sla.dueOn(opened, Severity.LOW, OptionalInt.empty())).isEqualTo(LocalDate.of(2027, 2, 24));
        assertThat(sla.dueOn(opened, Severity.HIGH, OptionalInt.of(7))).isEqualTo(LocalDate.of(2026, 12, 3));
    }
}
