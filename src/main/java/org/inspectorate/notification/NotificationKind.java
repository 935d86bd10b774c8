package org.inspectorate.notification;

import java.util.Locale;

/**
 * What a notification (通知) tells of. Each kind has its own inbox and mail switch in the preferences. The kinds
 * marked "later" have no listener yet (the 7/3/1-day reply reminders, on-site notices): docs/notifications.md lists
 * which event feeds which kind.
 */
public enum NotificationKind {
    /** 备案被退回补正 */
    FILING_RETURNED,
    /** 备案通过 */
    FILING_ACCEPTED,
    /** 抽查已安排（抽查结果公开） */
    SPOT_CHECK_SCHEDULED,
    /** 提醒：定级备案或变更备案到期 */
    FILING_DUE,
    /** 提醒：符合性评测、风险评估或结果报送到期 */
    OBLIGATION_DUE,
    /** 提醒：问题整改时限到期 */
    FINDING_DUE,
    /** 提醒：自查工作总结报告或通信管理局检查工作总结报告到期 */
    REPORT_DUE,
    /** 整改通知书已下发 */
    NOTICE_ISSUED,
    /** later: 整改回复到期（7/3/1 天） */
    NOTICE_REPLY_DUE,
    /** 整改通知书逾期 */
    NOTICE_OVERDUE,
    /** 整改回复被退回 */
    NOTICE_REPLY_RETURNED,
    /** 延期申请已决定 */
    EXTENSION_DECIDED,
    /** later: 现场检查通知已记录 */
    ONSITE_NOTICE_RECORDED,
    /** 重大问题已报告 */
    MAJOR_PROBLEM_REPORTED,
    /** 数据共享申请已决定 */
    SHARING_REQUEST_DECIDED;

    public String messageKey() {
        return "notification.kind." + name();
    }

    /** The kind a request or form names (case-insensitive, {@code filing-returned} or {@code FILING_RETURNED}). */
    static NotificationKind parse(String text) {
        return valueOf(text.strip().replace('-', '_').toUpperCase(Locale.ROOT));
    }
}
