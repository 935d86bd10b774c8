package org.inspectorate.rectification;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.TableExport;
import org.springframework.stereotype.Component;

/**
 * The download of a notice list with the page's filter and the actor's jurisdiction: read through the list's own
 * query ({@link RectificationNotices#list}) a page after another by its cursor, written row by row; the export is
 * audited first ({@link RectificationNotices#exported}).
 */
@Component
class NoticeListExport {

    private static final List<String> COLUMNS = List.of("rectification.field.number",
            "rectification.field.authority", "rectification.field.operator", "rectification.field.state",
            "rectification.field.deadline", "rectification.field.overdue", "rectification.field.issuedAt");

    private final RectificationNotices notices;

    NoticeListExport(RectificationNotices notices) {
        this.notices = notices;
    }

    /** Writes every notice of the list; returns how many. */
    long write(Actor actor, NoticeFilter filter, TableExport out, Function<String, String> text) {
        out.header(COLUMNS.stream().map(text).toList());
        long rows = 0;
        Keyset after = null;
        do {
            PageResult<NoticeSummary> page = notices.list(actor, filter,
                    new PageRequest(0, PageRequest.MAX_SIZE, null, false, after));
            for (NoticeSummary n : page.items()) {
                out.values(Arrays.asList(n.number(), n.authorityName(), n.operatorName(),
                        text.apply(n.state().messageKey()), n.deadline().toString(),
                        n.overdue() ? text.apply("rectification.overdue.yes") : "", n.issuedAt() == null ? null : n.issuedAt().toString()));
                rows++;
            }
            after = page.next();
        } while (after != null);
        return rows;
    }
}
