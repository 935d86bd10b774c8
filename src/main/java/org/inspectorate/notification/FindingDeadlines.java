package org.inspectorate.notification;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.inspectorate.finding.FindingDue;
import org.inspectorate.finding.FindingQueries;
import org.springframework.stereotype.Component;

/** Findings whose SLA (整改时限, the effective due day of an unresolved finding) ends, to the operator's team. */
@Component
class FindingDeadlines implements DeadlineSource {

    private static final int PAGE = 500;

    private final FindingQueries findings;

    FindingDeadlines(FindingQueries findings) {
        this.findings = findings;
    }

    @Override
    public void forEachDue(LocalDate from, LocalDate until, Consumer<DueDeadline> each) {
        DeadlineSource.forEachPage(from, PAGE, (afterDue, afterId, limit) -> findings.dueUnscoped(from, until, afterDue, afterId, limit),
                FindingDue::dueOn, FindingDue::findingId, f -> each.accept(deadline(f)));
    }

    static DueDeadline deadline(FindingDue f) {
        return new DueDeadline(NotificationKind.FINDING_DUE, "finding", "finding:" + f.findingId(), f.dueOn(),
                List.of(f.title()), "/findings/" + f.findingId(), new Recipients.OperatorTeam(f.organisationId()));
    }
}
