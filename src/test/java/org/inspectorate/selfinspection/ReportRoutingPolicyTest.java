package org.inspectorate.selfinspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.inspectorate.campaign.CampaignDefinition;
import org.inspectorate.campaign.Deadline;
import org.inspectorate.campaign.DeadlineKind;
import org.inspectorate.campaign.LocalizedText;
import org.inspectorate.campaign.Recipient;
import org.inspectorate.finding.Severity;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.junit.jupiter.api.Test;

class ReportRoutingPolicyTest {

    private static final LocalDate DUE = LocalDate.of(2018, 9, 30);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final ReportRoutingPolicy policy = new ReportRoutingPolicy();

    /** The 2018 campaign's deadlines: specialised companies have none (the notice names no recipient for them). */
    private static final CampaignDefinition CAMPAIGN = new CampaignDefinition("NSC-TEST", 2018,
            new LocalizedText("测试", "Test"), null, List.of(), List.of(),
            List.of(OrganisationType.values()).stream().filter(OrganisationType::isOperator).toList(), List.of(),
            List.of(),
            List.of(new Deadline("SELF-REPORT-MINISTRY", DeadlineKind.SELF_INSPECTION_REPORT,
                    List.of(OrganisationType.BASIC_TELECOM_GROUP, OrganisationType.DOMAIN_REGISTRY,
                            OrganisationType.DOMAIN_REGISTRAR),
                    Recipient.MINISTRY, DUE, new LocalizedText("报部", "Ministry")),
                    new Deadline("SELF-REPORT-LOCAL", DeadlineKind.SELF_INSPECTION_REPORT,
                            List.of(OrganisationType.BASIC_TELECOM_PROVINCIAL, OrganisationType.INTERNET_ENTERPRISE,
                                    OrganisationType.VALUE_ADDED_TELECOM),
                            Recipient.LOCAL_ADMINISTRATION, DUE, new LocalizedText("报当地", "Local")),
                    new Deadline("FILING", DeadlineKind.FILING, List.of(OrganisationType.BASIC_TELECOM_SPECIALISED),
                            Recipient.MINISTRY, LocalDate.of(2018, 8, 1), new LocalizedText("备案", "Filing"))),
            Map.of(Severity.HIGH, 15, Severity.MEDIUM, 30, Severity.LOW, 90), List.of(), List.of());

    private static Organisation operator(OrganisationType type, Province province) {
        return new Organisation(1, type, "单位", null, province, null, null, null, null, Instant.EPOCH, 0);
    }

    @Test
    void groupCompaniesReportToTheMinistryByTheDeadline() {
        ReportRoute route = policy.route(CAMPAIGN, operator(OrganisationType.BASIC_TELECOM_GROUP, Province.BEIJING));
        assertThat(route).isEqualTo(new ReportRoute(Recipient.MINISTRY, null, DUE, "SELF-REPORT-MINISTRY"));
        assertThat(route.ministry()).isTrue();
    }

    @Test
    void domainRegistriesReportToTheMinistry() {
        assertThat(policy.route(CAMPAIGN, operator(OrganisationType.DOMAIN_REGISTRY, Province.BEIJING)))
                .isEqualTo(new ReportRoute(Recipient.MINISTRY, null, DUE, "SELF-REPORT-MINISTRY"));
    }

    @Test
    void domainRegistrarsReportToTheMinistry() {
        assertThat(policy.route(CAMPAIGN, operator(OrganisationType.DOMAIN_REGISTRAR, null)))
                .isEqualTo(new ReportRoute(Recipient.MINISTRY, null, DUE, "SELF-REPORT-MINISTRY"));
    }

    @Test
    void provincialCompaniesReportToTheirProvincialAdministration() {
        assertThat(policy.route(CAMPAIGN, operator(OrganisationType.BASIC_TELECOM_PROVINCIAL, Province.GUANGDONG)))
                .isEqualTo(new ReportRoute(Recipient.LOCAL_ADMINISTRATION, Province.GUANGDONG, DUE, "SELF-REPORT-LOCAL"));
    }

    @Test
    void internetCompaniesReportToTheirProvincialAdministration() {
        assertThat(policy.route(CAMPAIGN, operator(OrganisationType.INTERNET_ENTERPRISE, Province.ZHEJIANG)))
                .isEqualTo(new ReportRoute(Recipient.LOCAL_ADMINISTRATION, Province.ZHEJIANG, DUE, "SELF-REPORT-LOCAL"));
    }

    @Test
    void valueAddedEnterprisesReportLikeInternetCompaniesToTheirProvincialAdministration() {
        assertThat(policy.route(CAMPAIGN, operator(OrganisationType.VALUE_ADDED_TELECOM, Province.SHANGHAI)))
                .isEqualTo(new ReportRoute(Recipient.LOCAL_ADMINISTRATION, Province.SHANGHAI, DUE, "SELF-REPORT-LOCAL"));
    }

    @Test
    void specialisedCompaniesWithoutACampaignDeadlineReportToTheirProvinceWithNoDeadline() {
        assertThat(policy.route(CAMPAIGN, operator(OrganisationType.BASIC_TELECOM_SPECIALISED, Province.SICHUAN)))
                .isEqualTo(new ReportRoute(Recipient.LOCAL_ADMINISTRATION, Province.SICHUAN, null, null));
    }

    @Test
    void aNationwideSpecialisedCompanyReportsToTheMinistry() {
        assertThat(policy.route(CAMPAIGN, operator(OrganisationType.BASIC_TELECOM_SPECIALISED, null)))
                .isEqualTo(new ReportRoute(Recipient.MINISTRY, null, null, null));
    }

    @Test
    void aLocalRecipientWithoutAProvinceFallsBackToTheMinistryKeepingTheDeadline() {
        assertThat(policy.route(CAMPAIGN, operator(OrganisationType.INTERNET_ENTERPRISE, null)))
                .isEqualTo(new ReportRoute(Recipient.MINISTRY, null, DUE, "SELF-REPORT-LOCAL"));
    }

    @Test
    void theCampaignsDeadlineDecidesOverTheDefaultSplit() {
        CampaignDefinition toMinistry = new CampaignDefinition("NSC-X", 2018, new LocalizedText("x", "x"), null,
                List.of(), List.of(), List.of(OrganisationType.INTERNET_ENTERPRISE), List.of(), List.of(),
                List.of(new Deadline("ALL", DeadlineKind.SELF_INSPECTION_REPORT,
                        List.of(OrganisationType.INTERNET_ENTERPRISE), Recipient.MINISTRY, DUE.plusDays(10),
                        new LocalizedText("x", "x"))),
                Map.of(Severity.HIGH, 15, Severity.MEDIUM, 30, Severity.LOW, 90), List.of(), List.of());
        assertThat(policy.route(toMinistry, operator(OrganisationType.INTERNET_ENTERPRISE, Province.ZHEJIANG)))
                .isEqualTo(new ReportRoute(Recipient.MINISTRY, null, DUE.plusDays(10), "ALL"));
    }

    @Test
    void regulatorsAndAgenciesSendNoSelfInspectionReport() {
        assertThatThrownBy(() -> policy.route(CAMPAIGN, operator(OrganisationType.PROVINCIAL_ADMINISTRATION,
                Province.BEIJING))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.route(CAMPAIGN, operator(OrganisationType.TESTING_AGENCY, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReportSubmittedOnItsDueDayInTheApplicationsZoneIsOnTimeAndTheNextDayLate() {
        Instant lastMinute = DUE.atTime(23, 59).atZone(SHANGHAI).toInstant();
        Instant nextMorning = DUE.plusDays(1).atTime(0, 1).atZone(SHANGHAI).toInstant();
        assertThat(ReportRoutingPolicy.late(DUE, lastMinute, SHANGHAI)).isFalse();
        assertThat(ReportRoutingPolicy.late(DUE, nextMorning, SHANGHAI)).isTrue();
        // the same instant is still 30 September in UTC: the zone decides
        assertThat(ReportRoutingPolicy.late(DUE, nextMorning, ZoneId.of("UTC"))).isFalse();
    }

    @Test
    void aReportWithoutADeadlineIsNeverLateNorOverdue() {
        assertThat(ReportRoutingPolicy.late(null, Instant.parse("2100-01-01T00:00:00Z"), SHANGHAI)).isFalse();
        assertThat(ReportRoutingPolicy.overdue(null, LocalDate.of(2100, 1, 1))).isFalse();
    }

    @Test
    void anUnsubmittedReportIsOverdueFromTheDayAfterItsDeadline() {
        assertThat(ReportRoutingPolicy.overdue(DUE, DUE)).isFalse();
        assertThat(ReportRoutingPolicy.overdue(DUE, DUE.plusDays(1))).isTrue();
    }
}
