package org.inspectorate.sharing;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.inspectorate.campaign.Campaigns;
import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnitFixtures;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.finding.Category;
import org.inspectorate.finding.FindingFixtures;
import org.inspectorate.finding.Findings;
import org.inspectorate.finding.Severity;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.organisation.UserFixtures;
import org.inspectorate.selfinspection.AnswerInput;
import org.inspectorate.selfinspection.SelfInspectionFixtures;
import org.inspectorate.selfinspection.SelfInspections;

/**
 * A Beijing basic telecom company with a filed unit, a weak-password (HIGH) and a vulnerability (MEDIUM) finding and
 * a submitted self-inspection report; a Beijing public-security user, the Beijing and Shanghai administrations'
 * officers (real accounts: the rules compare user ids), the operator's admin and another Beijing operator's unit.
 */
final class SharingFixture {

    final Organisation operatorOrg;
    final Actor operator;
    final Actor police;
    final Actor officer;
    final Actor shanghaiOfficer;
    final Actor ministry;
    final NetworkUnit unit;
    final long weakPassword;
    final long vulnerability;
    final long report;
    final long otherUnit;
    final long otherFinding;

    SharingFixture(Organisations organisations, UserAccounts accounts, NetworkUnits units, Findings findings,
            Campaigns campaigns, SelfInspections selfInspections, LocalDate today) {
        Organisation group = OrganisationFixtures.organisation(organisations, OrganisationType.BASIC_TELECOM_GROUP,
                null, null);
        operatorOrg = OrganisationFixtures.organisation(organisations, OrganisationType.BASIC_TELECOM_PROVINCIAL,
                Province.BEIJING, group.id());
        operator = real(accounts, operatorOrg, Role.OPERATOR_ADMIN);
        police = real(accounts, OrganisationFixtures.organisation(organisations, OrganisationType.OTHER_DEPARTMENT,
                Province.BEIJING, null), Role.OTHER_DEPARTMENT_USER);
        officer = real(accounts, OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.BEIJING, null), Role.PROVINCIAL_OFFICER);
        shanghaiOfficer = real(accounts, OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.SHANGHAI, null), Role.PROVINCIAL_OFFICER);
        ministry = real(accounts, OrganisationFixtures.organisation(organisations, OrganisationType.MINISTRY_BUREAU,
                null, null), Role.MINISTRY_OFFICER);
        NetworkUnit draft = units.create(operator, NetworkUnitFixtures.unitInput("北京门户", "PORTAL", "2",
                List.of(NetworkUnitFixtures.domain("portal.example.cn"))));
        NetworkUnit submitted = units.submit(operator, draft.id(), draft.version());
        unit = units.accept(officer, draft.id(), submitted.version());
        weakPassword = findings.open(operator, FindingFixtures.manual(unit.id(), "管理后台弱口令", "WEAK_PASSWORD",
                "HIGH", null)).id();
        vulnerability = findings.open(operator, FindingFixtures.manual(unit.id(), "未修复的中危漏洞", "VULNERABILITY",
                "MEDIUM", null)).id();
        String code = SelfInspectionFixtures.campaign(campaigns, ministry, today.plusDays(10));
        for (String item : SelfInspectionFixtures.ITEMS) {
            selfInspections.answer(operator, code, item, AnswerInput.of("COMPLIANT", null));
        }
        selfInspections.saveReport(operator, code, "自查工作概况", null);
        report = selfInspections.submit(operator, code).workspace().id();
        Organisation other = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.BEIJING, null);
        Actor otherAdmin = OrganisationFixtures.actor(other, Role.OPERATOR_ADMIN);
        otherUnit = units.create(otherAdmin, NetworkUnitFixtures.unitInput("他人门户", "PORTAL", "2",
                List.of(NetworkUnitFixtures.domain("other.example.cn")))).id();
        otherFinding = findings.open(otherAdmin, FindingFixtures.manual(otherUnit, "他人弱口令", "WEAK_PASSWORD", "HIGH",
                null)).id();
    }

    private static Actor real(UserAccounts accounts, Organisation organisation, Role role) {
        return UserFixtures.actor(UserFixtures.account(accounts, organisation, role), organisation);
    }

    /** A request for every available record type, weak passwords and vulnerabilities, of the last 90 days. */
    DataRequestInput everything(LocalDate today) {
        return new DataRequestInput(operatorOrg.creditCode().value(), "侦办网络攻击案件", "《网络安全法》第二十八条",
                Set.of(RecordType.FILINGS, RecordType.FINDINGS, RecordType.SELF_INSPECTION_REPORTS),
                Set.of(Category.WEAK_PASSWORD, Category.VULNERABILITY), Set.of(), today.minusDays(90), today,
                today.plusDays(60), null);
    }

    /** Weak-password findings of high severity only. */
    static DataScope weakPasswordsOnly() {
        return new DataScope(false, true, false, Set.of(Category.WEAK_PASSWORD), Set.of(Severity.HIGH));
    }
}
