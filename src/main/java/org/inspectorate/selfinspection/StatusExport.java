package org.inspectorate.selfinspection;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.TableExport;

/**
 * The rows of the submission-status view written out (XLSX or CSV through {@code TableExport}, text defused
 * against formulas there): every page of the view's own query, after the last row's cursor where the order
 * seeks, by page number otherwise.
 */
final class StatusExport {

    static final List<String> COLUMNS = List.of("selfinspection.field.organisation", "selfinspection.field.type",
            "selfinspection.field.province", "selfinspection.field.recipient", "selfinspection.field.dueOn",
            "selfinspection.field.status", "selfinspection.field.answered", "selfinspection.field.total",
            "selfinspection.field.submittedAt");

    private StatusExport() {
    }

    /** Writes every row {@code pages} answers, a page of {@link PageRequest#MAX_SIZE} after another; returns how many. */
    static long write(Function<PageRequest, PageResult<StatusRow>> pages, String sort, boolean asc, TableExport out,
            SummaryReport.Text text) {
        out.header(COLUMNS.stream().map(k -> text.get(k)).toList());
        long count = 0;
        Keyset after = null;
        int page = 0;
        while (true) {
            PageResult<StatusRow> result = pages.apply(new PageRequest(page, PageRequest.MAX_SIZE, sort, asc, after));
            for (StatusRow r : result.items()) {
                out.values(Arrays.asList(r.organisationName(), text.get(r.organisationType().messageKey()),
                        r.province() == null ? null : text.get(r.province().messageKey()),
                        r.workspaceId() == null ? null : r.recipientName(text),
                        r.dueOn() == null ? null : r.dueOn().toString(), text.get(r.status().messageKey()),
                        r.answered(), r.total(), r.submittedAt() == null ? null : r.submittedAt().toString()));
                count++;
            }
            if (result.next() != null) {
                after = result.next();
            } else if (after == null && result.items().size() == PageRequest.MAX_SIZE && page < PageRequest.MAX_PAGE) {
                page++; // an order read by page number
            } else {
                return count;
            }
        }
    }
}
