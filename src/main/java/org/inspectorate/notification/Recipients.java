package org.inspectorate.notification;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.inspectorate.organisation.OrganisationType;

import org.inspectorate.draw.PlannedSpotCheck;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccounts;
import org.springframework.stereotype.Component;

/**
 * Who is told of what (通知对象), through the organisation module's API: an operator's facts go to its security team
 * (单位管理员 and 单位工作人员) — the accounts that work on its records — an authority's deadlines to its officers,
 * a planned spot check to the inspectors of its team. Disabled accounts are never told.
 */
@Component
class Recipients {

    /** The roles of an operator's accounts that are told of the operator's filings, findings and deadlines. */
    static final Set<Role> OPERATOR_TEAM = EnumSet.of(Role.OPERATOR_ADMIN, Role.OPERATOR_STAFF);

    private final UserAccounts accounts;

    Recipients(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** The operator's enabled security team. */
    List<Long> operatorTeam(long operatorId) {
        return accounts.enabledMembersOf(operatorId, OPERATOR_TEAM);
    }

    /** An other department's enabled users (公安, 网信 …), who asked for data. */
    List<Long> departmentUsers(long organisationId) {
        return accounts.enabledMembersOf(organisationId, EnumSet.of(Role.OTHER_DEPARTMENT_USER));
    }

    /** The enabled officers of the province's administration, or of the Ministry ({@code null}). */
    List<Long> officersOf(Province province) {
        return accounts.enabledOfficersOf(province);
    }

    /** Who a reminder is for, resolved only when it is sent. */
    sealed interface Audience {
    }

    /** An operator's security team. */
    record OperatorTeam(long operatorId) implements Audience {
    }

    /** The officers of a province's administration, or the Ministry's ({@code null}). */
    record Officers(Province province) implements Audience {
    }

    /** Every provincial administration's officers (a deadline of every province, such as the summary to the Ministry). */
    record AllProvincialOfficers() implements Audience {
    }

    /** The security teams of every operator of the types (a campaign's deadline for them). */
    record OperatorsOfTypes(Set<OrganisationType> types) implements Audience {
        OperatorsOfTypes {
            types = Set.copyOf(types);
        }
    }

    /** The audience's accounts, a chunk of at most {@code CHUNK} at a time (an audience can be every operator). */
    void forEachChunk(Audience audience, Consumer<List<Long>> chunk) {
        if (audience instanceof OperatorTeam t) {
            chunk.accept(operatorTeam(t.operatorId()));
        } else if (audience instanceof Officers o) {
            chunk.accept(officersOf(o.province()));
        } else if (audience instanceof AllProvincialOfficers) {
            chunk.accept(List.copyOf(new java.util.TreeSet<>(
                    accounts.enabledHoldersOf(Role.PROVINCIAL_OFFICER).keySet())));
        } else if (audience instanceof OperatorsOfTypes types) {
            long after = 0;
            List<Long> page;
            do {
                page = accounts.enabledMembersOfTypes(types.types(), OPERATOR_TEAM, after, CHUNK);
                if (!page.isEmpty()) {
                    chunk.accept(page);
                    after = page.get(page.size() - 1);
                }
            } while (page.size() == CHUNK);
        }
    }

    static final int CHUNK = 500;

    /** The inspectors a planned check names: its leader (组长) and members, each once. Plain Java. */
    static Set<Long> team(PlannedSpotCheck check) {
        Set<Long> team = new LinkedHashSet<>();
        team.add(check.leaderUserId());
        team.addAll(check.memberUserIds());
        return team;
    }
}
