package org.inspectorate.selfinspection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.inspectorate.campaign.CampaignDefinition;
import org.inspectorate.campaign.Deadline;
import org.inspectorate.campaign.DeadlineKind;
import org.inspectorate.campaign.Recipient;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationType;

/**
 * To whom an operator sends its self-inspection summary report, and by when (notice 三(二)):
 * <ul>
 * <li>the campaign's {@code SELF_INSPECTION_REPORT} deadline for the operator's type decides, when it has
 * one (the 2018 campaign: group companies, domain registries and registrars → the Ministry; provincial
 * companies, internet companies and value-added telecom enterprises → the local administration; all by
 * 2018-09-30);</li>
 * <li>otherwise the same split as the notice, without a deadline: group companies and domain bodies → the
 * Ministry; everyone else (specialised companies included, as for their filings) → the administration of
 * the province they are registered in;</li>
 * <li>"the local administration" of an operator that names no province is the Ministry — a report goes
 * somewhere rather than nowhere.</li>
 * </ul>
 * A report is late when it is first submitted after the end of its due day, in the application's zone; a
 * report with no deadline is never late. Plain Java, no Spring.
 */
public final class ReportRoutingPolicy {

    public ReportRoute route(CampaignDefinition campaign, Organisation operator) {
        OrganisationType type = operator.type();
        if (!type.isOperator()) {
            throw new IllegalArgumentException("only operators send self-inspection reports, not " + type);
        }
        Optional<Deadline> deadline = campaign.deadlineFor(DeadlineKind.SELF_INSPECTION_REPORT, type);
        Recipient recipient = deadline.map(Deadline::recipient).orElseGet(() -> fallback(type));
        if (recipient == Recipient.LOCAL_ADMINISTRATION && operator.province() != null) {
            return new ReportRoute(recipient, operator.province(), deadline.map(Deadline::due).orElse(null),
                    deadline.map(Deadline::id).orElse(null));
        }
        return new ReportRoute(Recipient.MINISTRY, null, deadline.map(Deadline::due).orElse(null),
                deadline.map(Deadline::id).orElse(null));
    }

    private static Recipient fallback(OrganisationType type) {
        return type == OrganisationType.BASIC_TELECOM_GROUP || type == OrganisationType.DOMAIN_REGISTRY
                || type == OrganisationType.DOMAIN_REGISTRAR ? Recipient.MINISTRY : Recipient.LOCAL_ADMINISTRATION;
    }

    /** Whether a report first submitted at {@code submittedAt} misses {@code dueOn} (null: no deadline). */
    public static boolean late(LocalDate dueOn, Instant submittedAt, ZoneId zone) {
        return dueOn != null && submittedAt.atZone(zone).toLocalDate().isAfter(dueOn);
    }

    /** Whether an unsubmitted report is overdue on {@code today}. */
    public static boolean overdue(LocalDate dueOn, LocalDate today) {
        return dueOn != null && today.isAfter(dueOn);
    }
}
