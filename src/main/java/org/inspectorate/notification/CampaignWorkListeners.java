package org.inspectorate.notification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.inspectorate.organisation.Province;
import org.inspectorate.rectification.ExtensionDecided;
import org.inspectorate.rectification.NoticeIssued;
import org.inspectorate.rectification.NoticeOverdue;
import org.inspectorate.rectification.ReplyReturned;
import org.inspectorate.sharing.DataRequestDecided;
import org.inspectorate.spotcheck.MajorProblemReported;
import org.inspectorate.spotcheck.SpotCheckScheduled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The second half of the campaign told to whom it concerns: rectification notices (整改通知书) to the operator's team,
 * a scheduled spot check to the inspected operator, a major problem (重大问题) to the Ministry and the province's
 * administration, a data request's decision to the department that asked. After commit, like
 * {@link NotificationListeners}: the change never waits for its notification, and a failed one is resubmitted.
 */
@Component
class CampaignWorkListeners {

    private final Deliveries deliveries;
    private final Recipients recipients;

    CampaignWorkListeners(Deliveries deliveries, Recipients recipients) {
        this.deliveries = deliveries;
        this.recipients = recipients;
    }

    /** 整改通知书下发: the operator's team. */
    @ApplicationModuleListener
    void on(NoticeIssued event) {
        deliveries.deliver(noticeOf(event), recipients.operatorTeam(event.operatorId()));
    }

    /** 整改回复被退回: the operator's team. */
    @ApplicationModuleListener
    void on(ReplyReturned event) {
        deliveries.deliver(noticeOf(event), recipients.operatorTeam(event.operatorId()));
    }

    /** 延期申请已决定: the operator's team. */
    @ApplicationModuleListener
    void on(ExtensionDecided event) {
        deliveries.deliver(noticeOf(event), recipients.operatorTeam(event.operatorId()));
    }

    /** 整改通知书逾期: the operator's team (the authority sees its overdue list). */
    @ApplicationModuleListener
    void on(NoticeOverdue event) {
        deliveries.deliver(noticeOf(event), recipients.operatorTeam(event.operatorId()));
    }

    /** 抽查已安排: the inspected operator's team, once the check is first scheduled (it sees the check from then on). */
    @ApplicationModuleListener
    void on(SpotCheckScheduled event) {
        if (event.first()) {
            deliveries.deliver(noticeOf(event), recipients.operatorTeam(event.targetOrganisationId()));
        }
    }

    /** 重大问题已报告: the Ministry's officers and the province's administration. */
    @ApplicationModuleListener
    void on(MajorProblemReported event) {
        LinkedHashSet<Long> officers = new LinkedHashSet<>(recipients.officersOf(null));
        Province.ofCode(event.provinceCode()).ifPresent(p -> officers.addAll(recipients.officersOf(p)));
        deliveries.deliver(noticeOf(event), new ArrayList<>(officers));
    }

    /** 数据共享申请已决定: the users of the department that asked. */
    @ApplicationModuleListener
    void on(DataRequestDecided event) {
        deliveries.deliver(noticeOf(event), recipients.departmentUsers(event.requesterOrgId()));
    }

    static Notice noticeOf(NoticeIssued e) {
        return Notice.of(NotificationKind.NOTICE_ISSUED, "/rectification-notices/" + e.noticeId(),
                "notice.issued:" + e.noticeId(), e.number(), e.deadline());
    }

    static Notice noticeOf(ReplyReturned e) {
        return Notice.of(NotificationKind.NOTICE_REPLY_RETURNED, "/rectification-notices/" + e.noticeId(),
                // no round in the event: a second return with as many items rejected is told once (the notice page shows it)
                "notice.returned:" + e.noticeId() + "/" + e.rejected(), e.number(), e.rejected());
    }

    static Notice noticeOf(ExtensionDecided e) {
        String prefix = "notification." + NotificationKind.EXTENSION_DECIDED.name() + ".";
        return new Notice(NotificationKind.EXTENSION_DECIDED, prefix + "title",
                prefix + (e.granted() ? "body.granted" : "body.refused"), List.of(e.number(), String.valueOf(e.deadline())),
                "/rectification-notices/" + e.noticeId(), "notice.extension:" + e.noticeId());
    }

    static Notice noticeOf(NoticeOverdue e) {
        return Notice.of(NotificationKind.NOTICE_OVERDUE, "/rectification-notices/" + e.noticeId(),
                "notice.overdue:" + e.noticeId(), e.number(), e.deadline());
    }

    static Notice noticeOf(SpotCheckScheduled e) {
        String prefix = "notification." + NotificationKind.SPOT_CHECK_SCHEDULED.name() + ".";
        return new Notice(NotificationKind.SPOT_CHECK_SCHEDULED, prefix + "title", prefix + "body.operator",
                List.of("#" + e.spotCheckId(), String.valueOf(e.startsOn()), String.valueOf(e.endsOn())),
                "/spot-checks/" + e.spotCheckId(), "spotcheck.scheduled:" + e.spotCheckId());
    }

    static Notice noticeOf(MajorProblemReported e) {
        return Notice.of(NotificationKind.MAJOR_PROBLEM_REPORTED, "/spot-checks/" + e.spotCheckId(),
                "spotcheck.major:" + e.findingId(), "#" + e.spotCheckId(), e.reason());
    }

    static Notice noticeOf(DataRequestDecided e) {
        String prefix = "notification." + NotificationKind.SHARING_REQUEST_DECIDED.name() + ".";
        return new Notice(NotificationKind.SHARING_REQUEST_DECIDED, prefix + "title",
                prefix + "body." + e.decision().name(),
                List.of("#" + e.requestId(), String.valueOf(e.grantedUntil()), e.reasons() == null ? "" : e.reasons()),
                "/data-requests/" + e.requestId(), "sharing.decided:" + e.requestId() + "/" + e.decision().name());
    }
}
