package org.inspectorate.filing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A network unit (通信网络单元) with its latest content and where its filing stands. While a change
 * filing is open, {@code inForceVersionNo} still names the filed version that is in force.
 *
 * @param version optimistic-lock version: pass it back when changing or deciding the unit
 */
public record NetworkUnit(long id, long organisationId, FilingAuthority authority, UnitContent content,
        FilingState state, FilingKind kind, int currentVersionNo, Integer inForceVersionNo, String filingNumber,
        LocalDate dueOn, String lastDecisionReasons, Instant submittedAt, Instant createdAt, Instant updatedAt,
        int version) {

    /** Whether the operator may edit it now ({@link Filing}'s table): not while it is under review, nor once retired. */
    public boolean editable() {
        return !retired() && Filing.next(state, Filing.Act.EDIT).isPresent();
    }

    /** Whether its decommissioning (退网备案) was accepted: it is kept, read-only, for the record. */
    public boolean retired() {
        return state == FilingState.FILED && kind == FilingKind.DECOMMISSION;
    }

    /** Whether the operator may file its decommissioning now. */
    public boolean decommissionable() {
        return !retired() && Filing.next(state, Filing.Act.DECOMMISSION).isPresent();
    }

    /** Whether the operator may submit it now. */
    public boolean submittable() {
        return Filing.next(state, Filing.Act.SUBMIT).isPresent();
    }
}
