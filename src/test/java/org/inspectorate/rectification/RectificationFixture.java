package org.inspectorate.rectification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.finding.FindingFixtures;
import org.inspectorate.finding.Findings;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;

/**
 * A province's administration and officer, an operator of that province with a filed unit, another province's
 * officer, and the Ministry's officer: the people every rectification test needs, made fresh for each test.
 */
final class RectificationFixture {

    final Organisation operatorOrg;
    final Actor operator;
    final Actor officer;
    final Actor otherOfficer;
    final Actor ministry;
    final Actor otherOperator;
    final NetworkUnit unit;
    final NetworkUnit otherUnit;
    private final Findings findings;
    private final Clock clock;

    RectificationFixture(Organisations organisations, NetworkUnits units, Findings findings, Clock clock,
            Province province, Province other) {
        this.findings = findings;
        this.clock = clock;
        operatorOrg = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE, province,
                null);
        operator = OrganisationFixtures.actor(operatorOrg, Role.OPERATOR_ADMIN);
        officer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, province, null), Role.PROVINCIAL_OFFICER);
        otherOfficer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, other, null), Role.PROVINCIAL_OFFICER);
        ministry = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.MINISTRY_BUREAU, null, null), Role.MINISTRY_OFFICER);
        Organisation otherOrg = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                province, null);
        otherOperator = OrganisationFixtures.actor(otherOrg, Role.OPERATOR_ADMIN);
        unit = filed(units, operator, "门户网站");
        otherUnit = filed(units, otherOperator, "邻居门户");
    }

    private NetworkUnit filed(NetworkUnits units, Actor owner, String name) {
        NetworkUnit draft = units.create(owner, NetworkUnitFixtures.unitInput(name));
        NetworkUnit submitted = units.submit(owner, draft.id(), draft.version());
        return units.accept(officer, draft.id(), submitted.version());
    }

    /** Opens {@code n} HIGH findings in the operator's unit; their ids. */
    List<Long> findings(int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(findings.open(officer, FindingFixtures.manual(unit.id(), "弱口令 admin/admin " + i,
                    "WEAK_PASSWORD", "HIGH", null)).id());
        }
        return ids;
    }

    long otherOperatorsFinding() {
        return findings.open(officer, FindingFixtures.manual(otherUnit.id(), "中危漏洞", "VULNERABILITY", "MEDIUM",
                null)).id();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    NoticeDraft draft(List<Long> ids) {
        return new NoticeDraft(ids, List.of(LegalBasis.CSL_21, LegalBasis.D11_11), today().plusDays(30), null);
    }
}
