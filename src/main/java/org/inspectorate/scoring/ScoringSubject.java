package org.inspectorate.scoring;

import java.util.Objects;
import java.util.Set;

import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;

/**
 * What scoring needs to know of one spot check (抽查): the operator inspected, the authority that runs the check,
 * the year and the team.
 *
 * <p>Types follow the project's conventions: the operator's type is {@link OrganisationType} (its kind decides
 * which standard applies), its province a {@link Province} (null for a nationwide operator such as a group
 * company); the authority is the jurisdiction of the regulator that runs the check, as {@code
 * authority_province_code} in the filing module: {@code authorityProvince} is the provincial administration's
 * province, or null for the Ministry (部). Accounts are user account ids ({@code Actor.userId()}).
 *
 * @param spotCheckId     the spot check
 * @param operatorId      the inspected operator's organisation id
 * @param operatorName    its name, as shown in rankings
 * @param operatorType    its type (基础电信企业省级公司, 专业公司, 增值电信企业, …)
 * @param province        the operator's province, or null
 * @param authorityProvince the province of the authority running the check, or null for the Ministry
 * @param year            the campaign year the score counts for
 * @param leaderAccountId the team leader's account (组长): the only one who submits
 * @param teamAccountIds  the team members' accounts (the leader may be among them)
 * @param outsideDraw     whether the check was created outside a draw (listed apart in reports)
 */
public record ScoringSubject(long spotCheckId, long operatorId, String operatorName, OrganisationType operatorType,
        Province province, Province authorityProvince, int year, long leaderAccountId, Set<Long> teamAccountIds,
        boolean outsideDraw) {

    public ScoringSubject {
        Objects.requireNonNull(operatorName, "operatorName");
        Objects.requireNonNull(operatorType, "operatorType");
        teamAccountIds = Set.copyOf(teamAccountIds);
    }

    /** Whether the account scores on this team: the leader or a member. */
    public boolean onTeam(long accountId) {
        return accountId == leaderAccountId || teamAccountIds.contains(accountId);
    }
}
