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
        LocalDate afterDue = from;
        long afterId = 0;
        List<FindingDue> page;
        do {
            page = findings.dueUnscoped(from, until, afterDue, afterId, PAGE);
            for (FindingDue f : page) {
                each.accept(deadline(f));
            }
            if (!page.isEmpty()) {
                afterDue = page.get(page.size() - 1).dueOn();
                afterId = page.get(page.size() - 1).findingId();
            }
        } while (page.size() == PAGE);
    }

    static DueDeadline deadline(FindingDue f) {
        return new DueDeadline(NotificationKind.FINDING_DUE, "finding", "finding:" + f.findingId(), f.dueOn(),
                List.of(f.title()), "/findings/" + f.findingId(), new Recipients.OperatorTeam(f.organisationId()));
    }
}
