package org.inspectorate.rectification;

import java.time.LocalDate;

/**
 * A notice whose reply is due (回复期限), for reminders: {@link RectificationNotices#dueOnOrBefore} lists them.
 *
 * @param operatorId the addressee (whose users are reminded)
 * @param deadline   the deadline in force
 */
public record DueNotice(long noticeId, String number, long operatorId, String authorityCode, LocalDate deadline,
        NoticeState state) {
}
