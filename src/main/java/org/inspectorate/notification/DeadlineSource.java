package org.inspectorate.notification;

import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * The extension point of reminders (提醒): one implementation per kind of deadline the system knows, reading its
 * module's public API for the deadlines falling between two days, page by page. A new deadline (the rectification
 * notices' reply due in 7/3/1 days, when that module lands: {@code NoticeReplyDeadlines}) is one more bean of this
 * type and its message keys; {@link Reminders} finds every bean.
 */
interface DeadlineSource {

    /** Hands every deadline due between {@code from} and {@code until} (both included) to {@code each}. */
    void forEachDue(LocalDate from, LocalDate until, Consumer<DueDeadline> each);
}
