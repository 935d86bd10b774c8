package org.inspectorate.spotcheck;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A spot check as read (抽查): who inspects whom for which authority — the public record other modules (scoring) read
 * the leader, team, operator, province and authority from.
 *
 * @param plannedCheckId        the draw's planned check it came from; {@code null} for a check outside a draw
 * @param targetProvinceCode    the operator's province
 * @param authorityProvinceCode the province whose administration is the authority; {@code null}: the Ministry
 * @param memberUserIds         the team other than the leader
 * @param outsideDrawReason     why it was created outside a draw (e.g. a Ministry assignment); {@code null} if drawn
 */
public record SpotCheckView(long id, Long plannedCheckId, Long drawId, long targetOrganisationId,
        String targetProvinceCode, List<Long> targetUnitIds, String authorityProvinceCode, long leaderUserId,
        List<Long> memberUserIds, SpotCheckState state, Set<InspectionMethod> methods, LocalDate plannedOn,
        LocalDate startsOn, LocalDate endsOn, String documents, String outsideDrawReason, String cancelReason,
        Instant scheduledAt, LocalDate startedOn, LocalDate reportedOn, String createdBy, Instant createdAt,
        int version) {

    public SpotCheckView {
        targetUnitIds = List.copyOf(targetUnitIds);
        memberUserIds = List.copyOf(memberUserIds);
        methods = Set.copyOf(methods);
    }

    /** Whether the check was created outside a draw (listed apart in every report). */
    public boolean outsideDraw() {
        return outsideDrawReason != null;
    }

    /** The leader and the members. */
    public List<Long> team() {
        List<Long> all = new java.util.ArrayList<>();
        all.add(leaderUserId);
        all.addAll(memberUserIds);
        return all;
    }

    /** The methods in the notice's order, for display. */
    public List<InspectionMethod> methodList() {
        return methods.stream().sorted().toList();
    }
}
