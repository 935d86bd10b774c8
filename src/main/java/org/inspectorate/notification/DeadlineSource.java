package org.inspectorate.notification;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The extension point of reminders (提醒): one implementation per kind of deadline the system knows, reading its
 * module's public API for the deadlines falling between two days, page by page. A new deadline (the rectification
 * notices' reply due in 7/3/1 days, when that module lands: {@code NoticeReplyDeadlines}) is one more bean of this
 * type and its message keys; {@link Reminders} finds every bean.
 */
interface DeadlineSource {

    /** Hands every deadline due between {@code from} and {@code until} (both included) to {@code each}. */
    void forEachDue(LocalDate from, LocalDate until, Consumer<DueDeadline> each);

    /** One page of a module's due list after the keyset ({@code afterDue}, {@code afterId}). */
    interface DuePage<T> {
        List<T> read(LocalDate afterDue, long afterId, int limit);
    }

    /**
     * Walks a due list ordered by (due day, id) page by page from {@code from}, handing each row to {@code each}: the
     * keyset loop every source shares.
     */
    static <T> void forEachPage(LocalDate from, int pageSize, DuePage<T> pages, Function<T, LocalDate> dueOn,
            ToLongFunction<T> id, Consumer<T> each) {
        LocalDate afterDue = from;
        long afterId = 0;
        List<T> page;
        do {
            page = pages.read(afterDue, afterId, pageSize);
            page.forEach(each);
            if (!page.isEmpty()) {
                T last = page.get(page.size() - 1);
                afterDue = dueOn.apply(last);
                afterId = id.applyAsLong(last);
            }
        } while (page.size() == pageSize);
    }
}
