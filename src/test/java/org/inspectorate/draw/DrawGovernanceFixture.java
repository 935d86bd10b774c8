package org.inspectorate.draw;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.inspectorate.agency.Agencies;
import org.inspectorate.agency.AgencyFixtures;
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the draw's governance tests share: a province with three filed value-added units, an agency with four
 * vetted inspectors, two officers of the province (one prepares, the other approves), and the steps to a
 * scheduled draw.
 */
abstract class DrawGovernanceFixture {

    static final Province PROVINCE = Province.GUANGDONG;

    @Autowired
    Draws draws;
    @Autowired
    Clock clock;
    @Autowired
    DrawRuleVersions drawRules;
    @Autowired
    Agencies agencies;
    @Autowired
    Organisations organisations;
    @Autowired
    UserAccounts accounts;
    @Autowired
    NetworkUnits units;
    @Autowired
    SeedSeal seal;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    MessageSource messages;

    Actor preparer;
    Actor approver;
    Actor provincial;
    Organisation agency;

    @BeforeEach
    void pools() {
        preparer = officer(OrganisationType.PROVINCIAL_ADMINISTRATION, PROVINCE, Role.PROVINCIAL_OFFICER);
        approver = officer(OrganisationType.PROVINCIAL_ADMINISTRATION, PROVINCE, Role.PROVINCIAL_OFFICER);
        provincial = approver;
        for (int i = 0; i < 3; i++) {
            filedUnit();
        }
        agency = AgencyFixtures.agency(organisations, agencies, preparer, LocalDate.now(clock).plusYears(1));
        LocalDate year = LocalDate.now(clock).plusYears(1);
        AgencyFixtures.inspector(accounts, agencies, preparer, agency, List.of("TEAM_LEADER", "PENETRATION_TESTING"),
                year, year);
        AgencyFixtures.inspector(accounts, agencies, preparer, agency, List.of("TEAM_LEADER", "PENETRATION_TESTING"),
                year, year);
        AgencyFixtures.inspector(accounts, agencies, preparer, agency, List.of("PENETRATION_TESTING"), year, year);
        AgencyFixtures.inspector(accounts, agencies, preparer, agency, List.of("PENETRATION_TESTING", "CODE_REVIEW"),
                year, year);
    }

    Actor officer(OrganisationType type, Province province, Role role) {
        return OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations, type, province, null), role);
    }

    NetworkUnit filedUnit() {
        Actor operator = officer(OrganisationType.VALUE_ADDED_TELECOM, PROVINCE, Role.OPERATOR_ADMIN);
        NetworkUnit draft = units.create(operator, NetworkUnitFixtures.unitInput("门户网站", "PORTAL", "3.1",
                List.of(NetworkUnitFixtures.domain("portal.example.cn"))));
        NetworkUnit submitted = units.submit(operator, draft.id(), draft.version());
        return units.accept(provincial == null ? officer(OrganisationType.PROVINCIAL_ADMINISTRATION, PROVINCE,
                Role.PROVINCIAL_OFFICER) : provincial, draft.id(), submitted.version());
    }

    DrawRulesVersion rules(String sample, String quotas) {
        return drawRules.save(preparer, new RulesInput("test-rules", sample, "2", List.of("PENETRATION_TESTING"),
                "TEAM_LEADER", "5", "3", "0", quotas));
    }

    DrawView prepared(DrawRulesVersion rules, LocalDate drawDate) {
        return draws.prepare(preparer, new DrawInput("广东省 2026 年抽查", Long.toString(rules.id()), PROVINCE.code(),
                "VALUE_ADDED_TELECOM", "", "", List.of("PENETRATION_TESTING", "TEAM_LEADER"), drawDate.toString()));
    }

    DrawView scheduled() {
        DrawView draft = prepared(rules("2", "operatorType=VALUE_ADDED_TELECOM; per=province; atLeast=1"), LocalDate.now(clock));
        return draws.approve(approver, draft.id());
    }

    RequestPostProcessor as(Actor actor) {
        return SecurityMockMvcRequestPostProcessors
                .authentication(OrganisationFixtures.authentication(actor));
    }
}
