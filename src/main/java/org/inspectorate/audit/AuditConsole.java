package org.inspectorate.audit;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.inspectorate.system.AuditableEvent;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.TableExport;
import org.inspectorate.system.XlsxExport;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the audit administrator does with the trail: search it, verify it, export it — and each of
 * these is itself recorded in the trail.
 */
@Service
class AuditConsole {

    /** Dates on the page and in exports are China Standard Time, whatever the server's zone. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static final int PAGE_SIZE = 50;

    /** Entries per sheet of an XLSX export (a sheet holds at most 1,048,576 rows). */
    static final int SHEET_ROWS = 1_000_000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final AuditRepository repository;
    private final AuditTrail trail;
    private final ApplicationEventPublisher events;

    AuditConsole(AuditRepository repository, AuditTrail trail, ApplicationEventPublisher events) {
        this.repository = repository;
        this.trail = trail;
        this.events = events;
    }

    /**
     * One page of matching entries, newest first, after the cursor {@code after} when given (else at the page
     * number), with details as the auditor may read them; the view is audited.
     */
    @Transactional
    PageResult<AuditLine> search(AuditQuery query, int page, String after) {
        AuditRepository.Filter filter = filter(query);
        PageRequest request = new PageRequest(page, PAGE_SIZE, "seq", false, Keyset.parse(after));
        PageResult<AuditLine> result = repository.search(filter, request).map(DetailDisclosure::line);
        events.publishEvent(new TrailViewed(query.describe() + " page=" + (result.page() + 1)));
        return result;
    }

    /** Verifies the whole chain and records that it was verified, and with what result. */
    @Transactional
    ChainVerification verify() {
        ChainVerification result = trail.verify();
        events.publishEvent(new ChainVerified(result));
        return result;
    }

    /**
     * Writes every matching entry (newest first, details as on the page) to {@code out}, headed by
     * {@code headers}. The export is recorded first, in its own transaction, so that the chain's head is not
     * held while a million rows are written; the rows are read in a read-only transaction, which lets every
     * database stream them. An XLSX sheet holds {@link #SHEET_ROWS} entries; more continue on the next sheet.
     */
    @Transactional(readOnly = true)
    void export(AuditQuery query, String format, List<String> headers, Function<String, String> outcomeLabel,
            String withheld, String sheetTitle, TableExport out) {
        AuditRepository.Filter filter = filter(query);
        events.publishEvent(new TrailExported(query.describe() + " format=" + format));
        out.header(headers);
        long[] rows = {0};
        repository.forEachMatching(filter, entry -> {
            if (rows[0] > 0 && rows[0] % SHEET_ROWS == 0 && out instanceof XlsxExport xlsx) {
                xlsx.sheet(sheetTitle + " " + (rows[0] / SHEET_ROWS + 1));
                out.header(headers);
            }
            AuditLine e = DetailDisclosure.line(entry);
            out.values(List.of(e.seq(), TIME.format(e.occurredAt().atZone(ZONE)), e.actor(), e.action(),
                    e.subject(), outcomeLabel.apply(e.outcome()),
                    e.detailWithheld() ? withheld : nullToEmpty(e.detail()), nullToEmpty(e.remoteAddr()), e.hash()));
            rows[0]++;
        });
    }

    /** Whether the query names a filter that {@link #filter} accepts. */
    static boolean valid(AuditQuery q) {
        return problemsWith(q).isEmpty();
    }

    /** The filter the query asks for, or every problem with it at once. */
    static AuditRepository.Filter filter(AuditQuery q) {
        List<InvalidInputException.FieldProblem> problems = problemsWith(q);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        AuditableEvent.Outcome outcome = q.outcome().isEmpty() ? null : AuditableEvent.Outcome.valueOf(q.outcome());
        LocalDate from = date(q.from(), "from", problems);
        LocalDate to = date(q.to(), "to", problems);
        return new AuditRepository.Filter(emptyToNull(q.actor()), emptyToNull(q.action()), outcome,
                emptyToNull(q.subject()), from == null ? null : from.atStartOfDay(ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZONE).toInstant());
    }

    /** Every problem with the query, at once; empty when it names a valid filter. */
    private static List<InvalidInputException.FieldProblem> problemsWith(AuditQuery q) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (!q.outcome().isEmpty()) {
            try {
                AuditableEvent.Outcome.valueOf(q.outcome());
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidInputException.FieldProblem("outcome", "audit.filter.outcome.invalid"));
            }
        }
        LocalDate from = date(q.from(), "from", problems);
        LocalDate to = date(q.to(), "to", problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new InvalidInputException.FieldProblem("to", "audit.filter.to.beforeFrom"));
        }
        if (q.actor().length() > 64) {
            problems.add(new InvalidInputException.FieldProblem("actor", "audit.filter.tooLong", 64));
        }
        if (q.action().length() > 80) {
            problems.add(new InvalidInputException.FieldProblem("action", "audit.filter.tooLong", 80));
        }
        if (q.subject().length() > 200) {
            problems.add(new InvalidInputException.FieldProblem("subject", "audit.filter.tooLong", 200));
        }
        return problems;
    }

    private static LocalDate date(String text, String field, List<InvalidInputException.FieldProblem> problems) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < 2000 || date.getYear() > 2999) {
                problems.add(new InvalidInputException.FieldProblem(field, "audit.filter.date.outOfRange"));
                return null;
            }
            return date;
        } catch (DateTimeException e) {
            problems.add(new InvalidInputException.FieldProblem(field, "audit.filter.date.invalid"));
            return null;
        }
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The audit admin looked at the trail. */
    record TrailViewed(String filter) implements AuditableEvent {
        @Override
        public String action() {
            return "audit.viewed";
        }

        @Override
        public String subject() {
            return "audit:trail";
        }

        @Override
        public String detail() {
            return filter;
        }
    }

    /** The audit admin exported the trail. */
    record TrailExported(String filter) implements AuditableEvent {
        @Override
        public String action() {
            return "audit.exported";
        }

        @Override
        public String subject() {
            return "audit:trail";
        }

        @Override
        public String detail() {
            return filter;
        }
    }

    /** Someone verified the chain; a broken chain is recorded as a failure naming the entry. */
    record ChainVerified(ChainVerification result) implements AuditableEvent {
        @Override
        public String action() {
            return "audit.verified";
        }

        @Override
        public String subject() {
            return "audit:chain";
        }

        @Override
        public String detail() {
            return result.intact() ? "intact entries=" + result.entriesChecked()
                    : "broken seq=" + result.firstBrokenSeq() + " reason=" + result.reason() + " entries="
                            + result.entriesChecked();
        }

        @Override
        public Outcome outcome() {
            return result.intact() ? Outcome.SUCCESS : Outcome.FAILURE;
        }
    }
}
