package org.inspectorate.sharing;

import java.time.LocalDate;
import java.util.List;

/** A planned or joint inspection as the pages and the API show it. */
public record PlanView(long id, long operatorId, String operatorName, String provinceCode, long leadOrgId,
        String leadOrgName, LocalDate startsOn, LocalDate endsOn, String scope, PlanState state,
        List<InspectionPlan.Participant> participants, String createdBy) {

    public boolean joint() {
        return participants.size() > 1;
    }
}
