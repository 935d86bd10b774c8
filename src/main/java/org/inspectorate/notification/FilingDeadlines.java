package org.inspectorate.notification;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.inspectorate.filing.FilingDue;
import org.inspectorate.filing.NetworkUnits;
import org.springframework.stereotype.Component;

/**
 * Filings owed (定级备案 within 30 days of the grading's review, 变更备案 within 30 days of a change), from the units'
 * own due day ({@code network_unit.due_on}), to the operator's security team.
 */
@Component
class FilingDeadlines implements DeadlineSource {

    private static final int PAGE = 500;

    private final NetworkUnits units;

    FilingDeadlines(NetworkUnits units) {
        this.units = units;
    }

    @Override
    public void forEachDue(LocalDate from, LocalDate until, Consumer<DueDeadline> each) {
        DeadlineSource.forEachPage(from, PAGE, (afterDue, afterId, limit) -> units.filingsDueUnscoped(from, until, afterDue, afterId, limit),
                FilingDue::dueOn, FilingDue::unitId, f -> each.accept(deadline(f)));
    }

    static DueDeadline deadline(FilingDue f) {
        return new DueDeadline(NotificationKind.FILING_DUE, "filing." + f.kind().name(), "unit:" + f.unitId(),
                f.dueOn(), List.of(f.unitName()), "/network-units/" + f.unitId(),
                new Recipients.OperatorTeam(f.organisationId()));
    }
}
