package org.inspectorate.draw;

import java.time.LocalDate;
import java.util.List;

/** A spot check (抽查) planned by a draw: the target unit and operator, the team and its leader (组长). */
public record PlannedSpotCheck(long id, long drawId, String drawTitle, long targetUnitId, long targetOrganisationId,
        long leaderUserId, List<Long> memberUserIds, String state, LocalDate plannedOn) {

    public PlannedSpotCheck {
        memberUserIds = List.copyOf(memberUserIds);
    }
}
