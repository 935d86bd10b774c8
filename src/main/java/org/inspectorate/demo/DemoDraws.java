package org.inspectorate.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.inspectorate.agency.Agencies;
import org.inspectorate.demo.DemoDirectory.DemoOrganisation;
import org.inspectorate.draw.DrawView;
import org.inspectorate.draw.DrawInput;
import org.inspectorate.draw.DrawRuleVersions;
import org.inspectorate.draw.DrawRulesVersion;
import org.inspectorate.draw.Draws;
import org.inspectorate.draw.RulesInput;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccount;
import org.inspectorate.organisation.UserAccounts;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The double-random draw on first start, through {@link Agencies} and {@link Draws} as the officers would use
 * them: three agencies with their own confidentiality commitments; seven inspectors with skills, vetting and
 * personal commitments — one whose commitment has expired and one whose vetting has, so the agency page shows
 * why they are not in the pool —, a former employer and a declared conflict, an agency's evaluation of an operator;
 * draw rules (the notice's national minimum and Beijing's); a Beijing draw prepared by {@code beijing}, approved
 * by {@code beijing2} (four eyes), run with a witness's entropy and published, so that its planned spot checks
 * show on the inspectors' list (the demo inspector {@code inspector} leads two teams: agency 1 and agency 2 are
 * the only agencies with a valid team leader and each takes at most two of the four targets); and a second
 * Beijing draft for {@code beijing2} to approve. Idempotent: nothing is done once the demo rules exist.
 */
class DemoDraws {

    /** The smallest valid PDF header the commitment sniffer accepts, standing for the scanned signed page. */
    /** The demo's Beijing rules; once they exist the demo draws are in place. */
    static final String RULES = "beijing-2026";

    static final byte[] SIGNED_PDF = "%PDF-1.4\n% 保密承诺书 (demo)\n".getBytes(StandardCharsets.UTF_8);

    private final Organisations organisations;
    private final UserAccounts accounts;
    private final Agencies agencies;
    private final Draws draws;
    private final DrawRuleVersions drawRules;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoDraws(Organisations organisations, UserAccounts accounts, Agencies agencies, Draws draws, DrawRuleVersions drawRules,
            TransactionTemplate transaction, Clock clock) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.agencies = agencies;
        this.draws = draws;
        this.drawRules = drawRules;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The published demo draw's id, or {@code null} when draws already existed. */
    Long load() {
        return transaction.execute(status -> {
            Actor ministry = new Actor(0, "demo-data", find("ministry").id(), OrganisationType.MINISTRY_BUREAU, null,
                    Set.of(Role.MINISTRY_OFFICER));
            if (drawRules.list(ministry).stream().anyMatch(r -> r.rules().name().equals(RULES))) {
                return null;
            }
            LocalDate today = LocalDate.now(clock);
            Organisation caict = find("agency-1");
            Organisation cncert = find("agency-2");
            Organisation fifth = find("agency-3");
            for (Organisation agency : List.of(caict, cncert, fifth)) {
                commitment(ministry, agency, null, today.minusYears(1), today.plusYears(2));
            }
            inspector(ministry, caict, "inspector", List.of("TEAM_LEADER", "PENETRATION_TESTING", "MANAGEMENT_REVIEW"),
                    today.plusYears(1), today.plusYears(1));
            long he = inspector(ministry, caict, "inspector2", List.of("PENETRATION_TESTING", "CODE_REVIEW"),
                    today.plusYears(1), today.plusYears(1));
            agencies.addEmployment(ministry, he, Long.toString(find("telecom-bj").id()),
                    today.minusYears(6).toString(), today.minusYears(2).toString());
            inspector(ministry, caict, "inspector3", List.of("ON_SITE_TESTING", "PENETRATION_TESTING"),
                    today.plusYears(1), today.plusYears(1));
            inspector(ministry, cncert, "inspector4", List.of("TEAM_LEADER", "CODE_REVIEW"), today.plusYears(1),
                    today.plusYears(1));
            long zhang = inspector(ministry, cncert, "inspector5", List.of("PENETRATION_TESTING", "ON_SITE_TESTING"),
                    today.plusYears(1), today.plusYears(1));
            agencies.declareConflict(ministry, zhang, Long.toString(find("net-sh").id()), "配偶在该单位任安全负责人");
            // Not in the pool: the leader's personal commitment expired ten days ago, the other's vetting a month ago.
            inspector(ministry, fifth, "inspector6", List.of("TEAM_LEADER", "PENETRATION_TESTING"), today.plusYears(1),
                    today.minusDays(10));
            inspector(ministry, fifth, "inspector7", List.of("CODE_REVIEW", "PENETRATION_TESTING"),
                    today.minusMonths(1), today.plusYears(1));
            agencies.addRelation(ministry, fifth.id(), Long.toString(find("net-sh").id()), "EVALUATED",
                    today.minusMonths(8).toString());

            drawRules.save(ministry, new RulesInput("national-minimum", "310", "3",
                    List.of("PENETRATION_TESTING", "CODE_REVIEW"), "TEAM_LEADER", "15", "3", "12",
                    "operatorType=VALUE_ADDED_TELECOM; per=province; atLeast=10"));
            Actor beijing = officer("beijing");
            Actor beijing2 = officer("beijing2");
            DrawRulesVersion rules = drawRules.save(beijing, new RulesInput(RULES, "4", "2",
                    List.of("PENETRATION_TESTING"), "TEAM_LEADER", "2", "3", "0",
                    "operatorType=VALUE_ADDED_TELECOM; per=province; atLeast=2"));
            DrawView draft = draws.prepare(beijing, new DrawInput("北京市 " + today.getYear() + " 年网络安全抽查（双随机）",
                    Long.toString(rules.id()), Province.BEIJING.code(), "", "", "", List.of(), today.toString()));
            draws.approve(beijing2, draft.id());
            draws.run(beijing, draft.id(), "见证人 北京市公证处 王律师: 7391\n上证指数开盘 " + today + ": 3311.27");
            draws.publish(beijing2, draft.id());
            draws.prepare(beijing, new DrawInput("北京市增值电信企业专项抽查（待批准）", Long.toString(rules.id()),
                    Province.BEIJING.code(), "VALUE_ADDED_TELECOM", "", "", List.of(), today.plusDays(7).toString()));
            return draft.id();
        });
    }

    private long inspector(Actor officer, Organisation agency, String username, List<String> skills,
            LocalDate vettedUntil, LocalDate committedUntil) {
        UserAccount account = accounts.findByUsernameUnscoped(username).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        agencies.registerInspector(officer, agency.id(), Long.toString(account.id()), skills);
        agencies.vet(officer, account.id(), vettedUntil.isBefore(today) ? vettedUntil.minusYears(1).toString()
                : today.minusMonths(2).toString(), vettedUntil.toString(), "政治审查、背景审查通过");
        commitment(officer, agency, account.id(), committedUntil.minusYears(1), committedUntil);
        return account.id();
    }

    private void commitment(Actor officer, Organisation agency, Long userId, LocalDate from, LocalDate until) {
        LocalDate today = LocalDate.now(clock);
        LocalDate signed = from.isAfter(today) ? today : from;
        agencies.uploadCommitment(officer, agency.id(), userId, signed.toString(), from.toString(), until.toString(),
                userId == null ? "机构保密承诺书.pdf" : "个人保密承诺书.pdf", SIGNED_PDF);
    }

    /** A demo officer as the pages see them, with the account's id so that the four-eyes rule holds. */
    private Actor officer(String username) {
        UserAccount account = accounts.findByUsernameUnscoped(username).orElseThrow();
        Organisation org = organisations.findUnscoped(account.organisationId()).orElseThrow();
        return new Actor(account.id(), account.username(), org.id(), org.type(), org.province(),
                Set.of(Role.PROVINCIAL_OFFICER));
    }

    private Organisation find(String key) {
        DemoOrganisation o = DemoDirectory.organisations().stream().filter(d -> d.key().equals(key)).findFirst()
                .orElseThrow();
        return organisations.findByCreditCodeUnscoped(o.creditCode()).orElseThrow();
    }
}
