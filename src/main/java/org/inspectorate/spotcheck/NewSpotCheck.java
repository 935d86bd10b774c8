package org.inspectorate.spotcheck;

/**
 * A spot check outside a draw (非抽取抽查, e.g. a Ministry assignment), as typed: the operator, its units in scope and
 * the team (comma-separated ids), the planned day (ISO) and the reason, which is recorded and required.
 */
public record NewSpotCheck(String organisationId, String unitIds, String leaderUserId, String memberUserIds,
        String plannedOn, String reason) {

    public static NewSpotCheck empty() {
        return new NewSpotCheck("", "", "", "", "", "");
    }
}
