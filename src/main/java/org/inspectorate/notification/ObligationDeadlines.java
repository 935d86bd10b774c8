package org.inspectorate.notification;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.inspectorate.obligation.Obligation;
import org.inspectorate.obligation.ObligationQuery;
import org.inspectorate.obligation.ObligationStatus;
import org.inspectorate.obligation.Obligations;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.stereotype.Component;

/**
 * The level-driven obligations (符合性评测 and 风险评估 by grade level, 结果报送 within 30 days of an evaluation), as
 * the obligation module computes their due days, to the operator's team: those due soon and those overdue.
 */
@Component
class ObligationDeadlines implements DeadlineSource {

    private static final int PAGE = PageRequest.MAX_SIZE;

    private final Obligations obligations;

    ObligationDeadlines(Obligations obligations) {
        this.obligations = obligations;
    }

    @Override
    public void forEachDue(LocalDate from, LocalDate until, Consumer<DueDeadline> each) {
        for (ObligationStatus status : List.of(ObligationStatus.DUE_SOON, ObligationStatus.OVERDUE)) {
            ObligationQuery query = new ObligationQuery(null, status, null);
            PageResult<Obligation> page;
            int number = 0;
            do {
                page = obligations.listUnscoped(query, new PageRequest(number++, PAGE, "dueOn", true));
                for (Obligation o : page.items()) {
                    if (!o.dueOn().isBefore(from) && !o.dueOn().isAfter(until)) {
                        each.accept(deadline(o));
                    }
                }
            } while (page.items().size() == PAGE && number < PageRequest.MAX_PAGE);
        }
    }

    static DueDeadline deadline(Obligation o) {
        String subject = "unit:" + o.unitId() + ":" + o.kind().name() + (o.recordId() == null ? "" : ":" + o.recordId());
        return new DueDeadline(NotificationKind.OBLIGATION_DUE, "obligation." + o.kind().name(), subject, o.dueOn(),
                List.of(o.unitName()), "/network-units/" + o.unitId(), new Recipients.OperatorTeam(o.organisationId()));
    }
}
