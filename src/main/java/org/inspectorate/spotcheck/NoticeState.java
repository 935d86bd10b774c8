package org.inspectorate.spotcheck;

/** Where an on-site notice (现场告知) stands: told, then acknowledged (签字确认) or refused with a reason (拒签). */
public enum NoticeState {
    TOLD, ACKNOWLEDGED, REFUSED;

    public String messageKey() {
        return "spotcheck.notice.state." + name();
    }
}
