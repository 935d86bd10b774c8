package org.inspectorate.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.inspectorate.campaign.Campaigns;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.Codes;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@DatabaseTest
class FindingSlaIntegrationTest {

    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    Campaigns campaigns;
    @Autowired
    Findings findings;
    @Autowired
    FindingQueries queries;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    Actor operator;
    long unitId;

    @BeforeEach
    void setUp() {
        operator = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.INTERNET_ENTERPRISE, Province.ANHUI, null), Role.OPERATOR_STAFF);
        unitId = units.create(operator, NetworkUnitFixtures.unitInput("邮件系统", "EMAIL", "2",
                List.of(NetworkUnitFixtures.domain("mail.example.cn")))).id();
    }

    /** Publishes a copy of the shipped campaign under a new code with SLA days 3 / 8 / 21. */
    private String publishedCampaignWithOwnSla() throws IOException {
        String code = "FT-" + Codes.username("c").toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        String yaml = new ClassPathResource("campaigns/2018.yaml").getContentAsString(StandardCharsets.UTF_8)
                .replace("code: NSC-2018", "code: " + code)
                .replaceFirst("sla:\\s*\\n\\s*HIGH: 15\\s*\\n\\s*MEDIUM: 30\\s*\\n\\s*LOW: 90",
                        "sla:\n  HIGH: 3\n  MEDIUM: 8\n  LOW: 21");
        assertThat(yaml).contains("HIGH: 3");
        Actor ministry = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.MINISTRY_BUREAU, null, null), Role.MINISTRY_OFFICER);
        campaigns.upload(ministry, "ft.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        campaigns.publish(ministry, code, 1);
        return code;
    }

    private NewFinding finding(String severity, String campaign) {
        return new NewFinding(null, unitId, "mail.example.cn", "开放中继", null, "MISCONFIGURATION", severity, null,
                null, "李四", null, null, campaign, null, FindingSource.SELF_INSPECTION, "item 3.2", null);
    }

    @Test
    void dueDatesFollowThePublishedCampaignsSlaPerSeverity() throws IOException {
        String code = publishedCampaignWithOwnSla();
        LocalDate today = LocalDate.now(clock);
        assertThat(findings.open(operator, finding("HIGH", code)).dueOn()).isEqualTo(today.plusDays(3));
        assertThat(findings.open(operator, finding("MEDIUM", code)).dueOn()).isEqualTo(today.plusDays(8));
        assertThat(findings.open(operator, finding("LOW", code)).dueOn()).isEqualTo(today.plusDays(21));
    }

    @Test
    void withoutACampaignTheConfiguredDefaultsApply() {
        LocalDate today = LocalDate.now(clock);
        assertThat(findings.open(operator, finding("HIGH", null)).dueOn()).isEqualTo(today.plusDays(15));
        assertThat(findings.open(operator, finding("LOW", null)).dueOn()).isEqualTo(today.plusDays(90));
    }

    @Test
    void anUnknownCampaignIsAFieldError() {
        assertThatThrownBy(() -> findings.open(operator, finding("HIGH", "NO-SUCH-CAMPAIGN")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("campaignCode"));
    }

    @Test
    void anOverdueFindingIsFlaggedAndFilteredAgainstTheClock() {
        Finding f = findings.open(operator, finding("HIGH", null));
        assertThat(f.overdue()).isFalse();
        assertThat(queries.list(operator, new FindingQuery(null, null, null, true, unitId, null, null, null),
                PageRequest.first(50)).items()).extracting(Finding::id).doesNotContain(f.id());
        assertThat(queries.list(operator, new FindingQuery(null, null, null, false, unitId, null, null, null),
                PageRequest.first(50)).items()).extracting(Finding::id).contains(f.id());

        jdbc.sql("UPDATE finding SET due_on = :d WHERE id = :id").param("d", Date.valueOf(
                LocalDate.now(clock).minusDays(1))).param("id", f.id()).update();
        FindingTallyFixture.recount(context, operator.organisationId());
        assertThat(findings.get(operator, f.id()).overdue()).isTrue();
        assertThat(queries.list(operator, new FindingQuery(null, null, null, true, unitId, null, null, null),
                PageRequest.first(50)).items()).extracting(Finding::id).contains(f.id());
        Finding fixed = findings.fix(operator, f.id(), 0, "已关闭中继");
        assertThat(fixed.overdue()).isFalse();
    }
}
