package org.inspectorate.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;

import org.inspectorate.finding.FindingRepository.Today;
import org.inspectorate.organisation.Jurisdiction;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counters summed under each jurisdiction: a group company its own and its subsidiaries' rows, a province its
 * operators', the Ministry every row, anybody else none; unresolved, overdue and unresolved HIGH by the register's
 * rules. Sums are compared before and after this test's rows, so other tests' rows in the same database do not count;
 * its counter rows (which no finding backs) are rolled back.
 */
@DatabaseTest
@Transactional
class FindingTallyReaderIntegrationTest {

    @Autowired
    FindingTallyReader reader;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private Today today() {
        return new Today(LocalDate.now(clock), clock.getZone());
    }

    private FindingTallyReader.Totals totals(Jurisdiction j) {
        return reader.totals(FindingTallyReader.Filter.all(), j.organisationScope("t.organisation_id"), today());
    }

    private void row(long org, String severity, String status, int dueInDays, long n) {
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                INSERT INTO finding_tally (organisation_id, severity, category, status, campaign_code, opened_on, due_on,
                    n) VALUES (:org, :severity, 'VULNERABILITY', :status, '', :opened, :due, :n)""")
                .param("org", org).param("severity", severity).param("status", status)
                .param("opened", Date.valueOf(today.minusDays(40)))
                .param("due", Date.valueOf(dueInDays == Integer.MAX_VALUE ? FindingTally.NO_DUE : today.plusDays(dueInDays)))
                .param("n", n).update();
    }

    private static FindingTallyReader.Totals minus(FindingTallyReader.Totals a, FindingTallyReader.Totals b) {
        return new FindingTallyReader.Totals(a.total() - b.total(), a.unresolved() - b.unresolved(),
                a.overdue() - b.overdue(), a.highUnresolved() - b.highUnresolved());
    }

    @Test
    void eachJurisdictionSumsTheCountersOfTheOperatorsInItsReach() {
        Organisation group = OrganisationFixtures.organisation(organisations, OrganisationType.BASIC_TELECOM_GROUP, null,
                null);
        Organisation company = OrganisationFixtures.organisation(organisations,
                OrganisationType.BASIC_TELECOM_PROVINCIAL, Province.QINGHAI, group.id());
        Organisation neighbour = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.QINGHAI, null);
        Organisation far = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.NINGXIA, null);
        Jurisdiction qinghai = new Jurisdiction.InProvince(Province.QINGHAI);
        FindingTallyReader.Totals nationBefore = totals(new Jurisdiction.Nationwide());
        FindingTallyReader.Totals qinghaiBefore = totals(qinghai);

        row(group.id(), "HIGH", "OPEN", -3, 2); // overdue
        row(company.id(), "HIGH", "MITIGATED", 10, 5); // due later
        row(company.id(), "LOW", "CLOSED", Integer.MAX_VALUE, 7);
        row(neighbour.id(), "MEDIUM", "REOPENED", -1, 4); // overdue
        row(far.id(), "HIGH", "OPEN", -30, 11); // overdue

        assertThat(totals(new Jurisdiction.OrganisationTree(group.id())))
                .isEqualTo(new FindingTallyReader.Totals(14, 7, 2, 7));
        assertThat(totals(new Jurisdiction.OrganisationTree(company.id())))
                .isEqualTo(new FindingTallyReader.Totals(12, 5, 0, 5));
        assertThat(minus(totals(qinghai), qinghaiBefore)).isEqualTo(new FindingTallyReader.Totals(16, 9, 4, 5));
        assertThat(minus(totals(new Jurisdiction.Nationwide()), nationBefore))
                .isEqualTo(new FindingTallyReader.Totals(29, 22, 17, 18));
        assertThat(totals(new Jurisdiction.Nothing())).isEqualTo(new FindingTallyReader.Totals(0, 0, 0, 0));
    }

    @Test
    void theSummaryFiltersNarrowTheSumsAsTheyNarrowTheRegister() {
        Organisation operator = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.TIBET, null);
        row(operator.id(), "HIGH", "OPEN", -3, 2);
        row(operator.id(), "HIGH", "OPEN", 3, 1);
        row(operator.id(), "LOW", "FIXED", Integer.MAX_VALUE, 6);
        Jurisdiction own = new Jurisdiction.OrganisationTree(operator.id());

        assertThat(reader.totals(new FindingTallyReader.Filter(Severity.HIGH, null, null, null, null, null, null, null),
                own.organisationScope("t.organisation_id"), today())).isEqualTo(new FindingTallyReader.Totals(3, 3, 2, 3));
        assertThat(reader.totals(new FindingTallyReader.Filter(null, null, null, null, null, null, null,
                AgeBucket.D0_30), own.organisationScope("t.organisation_id"), today()))
                .isEqualTo(new FindingTallyReader.Totals(2, 2, 2, 2));
        assertThat(reader.totals(new FindingTallyReader.Filter(null, null, null, null, null, false, null, null),
                own.organisationScope("t.organisation_id"), today())).isEqualTo(new FindingTallyReader.Totals(6, 0, 0, 0));
        assertThat(reader.operators(FindingTallyReader.Filter.all(), own.organisationScope("t.organisation_id"),
                today())).singleElement().satisfies(g -> {
                    assertThat(g.total()).isEqualTo(9);
                    assertThat(g.overdue()).isEqualTo(2);
                    assertThat(g.provinceCode()).isEqualTo(Province.TIBET.code());
                });
    }
}
