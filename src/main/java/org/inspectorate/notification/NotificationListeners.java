package org.inspectorate.notification;

import java.util.List;

import org.inspectorate.draw.DrawPublished;
import org.inspectorate.draw.PlannedChecks;
import org.inspectorate.draw.PlannedSpotCheck;
import org.inspectorate.filing.FilingAccepted;
import org.inspectorate.filing.FilingReturned;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns other modules' typed events into notifications. Every method is an {@link ApplicationModuleListener}: it runs
 * after the change commits, in its own transaction, recorded in the event publication registry, so a failure (the
 * database busy, a bug) leaves the publication incomplete to be resubmitted, and the change itself never waits for or
 * fails with its notification. Adding a kind: one method here (the event, its recipients, its {@link Notice}) and the
 * kind's message keys. The notice of each event is a static method, plain Java, tested on its own.
 */
@Component
class NotificationListeners {

    private static final int REASONS_SHOWN = 200;

    private final Deliveries deliveries;
    private final Recipients recipients;
    private final PlannedChecks plannedChecks;

    NotificationListeners(Deliveries deliveries, Recipients recipients, PlannedChecks plannedChecks) {
        this.deliveries = deliveries;
        this.recipients = recipients;
        this.plannedChecks = plannedChecks;
    }

    /** 备案被退回: the operator's security team. */
    @ApplicationModuleListener
    void on(FilingReturned event) {
        deliveries.deliver(noticeOf(event), recipients.operatorTeam(event.operatorId()));
    }

    /** 备案通过: the operator's security team. */
    @ApplicationModuleListener
    void on(FilingAccepted event) {
        deliveries.deliver(noticeOf(event), recipients.operatorTeam(event.operatorId()));
    }

    /** 抽查结果公开: each planned check's inspectors, of their own check only. */
    @ApplicationModuleListener
    void on(DrawPublished event) {
        for (PlannedSpotCheck check : plannedChecks.plannedChecksUnscoped(event.drawId())) {
            deliveries.deliver(noticeOf(event, check), Recipients.team(check));
        }
    }

    static Notice noticeOf(FilingReturned e) {
        String reasons = e.reasons().length() > REASONS_SHOWN ? e.reasons().substring(0, REASONS_SHOWN) + "…"
                : e.reasons();
        return Notice.of(NotificationKind.FILING_RETURNED, "/network-units/" + e.unitId(),
                "filing.returned:" + e.unitId() + "/v" + e.versionNo(), e.unitName(), reasons);
    }

    static Notice noticeOf(FilingAccepted e) {
        String prefix = "notification." + NotificationKind.FILING_ACCEPTED.name() + ".";
        return new Notice(NotificationKind.FILING_ACCEPTED, prefix + "title", prefix + "body." + e.kind().name(),
                List.of(e.filingNumber(), Integer.toString(e.versionNo())), "/network-units/" + e.unitId(),
                "filing.accepted:" + e.unitId() + "/v" + e.versionNo());
    }

    static Notice noticeOf(DrawPublished e, PlannedSpotCheck check) {
        return Notice.of(NotificationKind.SPOT_CHECK_SCHEDULED, "/draws/" + e.drawId(),
                "draw.published:" + e.drawId() + "/check:" + check.id(), check.drawTitle(),
                check.plannedOn() == null ? "" : check.plannedOn().toString());
    }
}
