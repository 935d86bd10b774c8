package org.inspectorate.obligation;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.inspectorate.filing.report.FilingExported;
import org.inspectorate.organisation.Actor;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.XlsxExport;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The obligation list as an XLSX file, as the actor sees it on the page; audited like every filing list export. */
@Service
class ObligationExport {

    /** The most rows one export writes, as for the filing lists. */
    static final int MAX_ROWS = 100_000;

    private final Obligations obligations;
    private final ApplicationEventPublisher events;

    ObligationExport(Obligations obligations, ApplicationEventPublisher events) {
        this.obligations = obligations;
        this.events = events;
    }

    /**
     * The obligation list as the actor sees it (operators their tree, the filing authorities the units routed to
     * them), filtered and sorted as on the page, all pages; audited like every export.
     */
    @Transactional
    public int write(Actor actor, ObligationQuery query, String sort, boolean asc, OutputStream out,
            Function<String, String> text) throws IOException {
        int count = 0;
        try (XlsxExport x = new XlsxExport(text.apply("obligation.list.title"))) {
            x.header(List.of("obligation.field.unitName", "obligation.field.level", "obligation.field.kind",
                    "obligation.field.reason", "obligation.field.dueOn", "obligation.field.status",
                    "obligation.field.lastDoneOn").stream().map(text).toList());
            for (int page = 0; count < MAX_ROWS; page++) {
                PageResult<Obligation> result = obligations.list(actor, query,
                        new PageRequest(page, PageRequest.MAX_SIZE, sort, asc));
                for (Obligation o : result.items()) {
                    Row row = x.row();
                    x.text(row, 0, o.unitName());
                    x.text(row, 1, text.apply(o.level().messageKey()));
                    x.text(row, 2, text.apply(o.kind().messageKey()));
                    x.text(row, 3, text.apply(o.reason().messageKey()));
                    x.text(row, 4, o.dueOn().toString());
                    x.text(row, 5, text.apply(o.status().messageKey()));
                    x.text(row, 6, o.lastDoneOn() == null ? "" : o.lastDoneOn().toString());
                    count++;
                }
                if (!result.hasNext()) {
                    break;
                }
            }
            x.write(out);
        }
        String filter = query.toString();
        events.publishEvent(new FilingExported("obligations", count, filter.length() > 300
                ? filter.substring(0, 300) : filter));
        return count;
    }
}
