package org.inspectorate.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.inspectorate.system.AuditableEvent;
import org.inspectorate.system.ListDownload;
import org.inspectorate.system.PageActions;
import org.inspectorate.system.PageResult;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail page (审计日志), for the audit administrator only. */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('AUDIT_ADMIN')")
class AuditPages {

    private final AuditConsole console;
    private final AuditTrail trail;
    private final MessageSource messages;
    private final PageActions pageActions;
    private final Clock clock;

    AuditPages(AuditConsole console, AuditTrail trail, MessageSource messages, PageActions pageActions, Clock clock) {
        this.console = console;
        this.trail = trail;
        this.messages = messages;
        this.pageActions = pageActions;
        this.clock = clock;
    }

    @GetMapping
    String trail(AuditQuery query, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String after,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
            Model model) {
        model.addAttribute("query", query);
        model.addAttribute("outcomes", AuditableEvent.Outcome.values());
        model.addAttribute("zone", AuditConsole.ZONE);
        // Going back to a page htmx no longer has in its history cache needs the whole page.
        String view = htmx != null && historyRestore == null ? "audit/trail :: results" : "audit/trail";
        // A bad filter is named beside its field, with no entries listed.
        return pageActions.form(model, () -> {
            model.addAttribute("result", console.search(query, page, after));
            return view;
        }, () -> {
            model.addAttribute("result", new PageResult<AuditLine>(List.of(), 0, AuditConsole.PAGE_SIZE, 0));
            return view;
        });
    }

    @PostMapping("/verify")
    String verify(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        ChainVerification verification = console.verify();
        model.addAttribute("verification", verification);
        // The head as an anchor for the administrator to keep outside the database (see docs/operations.md).
        model.addAttribute("anchor", verification.intact() ? trail.currentAnchor().orElse(null) : null);
        if (htmx != null) {
            return "audit/trail :: verification";
        }
        return trail(AuditQuery.any(), 0, null, null, null, model);
    }

    /** {@code /audit/export.xlsx} or {@code .csv}: every entry the filter matches, streamed; audited. */
    @GetMapping("/export.{format}")
    void export(@PathVariable String format, AuditQuery query, Locale locale, HttpServletResponse response)
            throws IOException {
        ListDownload.Format chosen = ListDownload.Format.of(format);
        // Validate before the response is committed, so that a bad filter answers 400 and not half a file;
        // the page offers the export only for a valid filter.
        if (!AuditConsole.valid(query)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        List<String> headers = List.of("seq", "time", "actor", "action", "subject", "outcome", "detail", "remote",
                "hash").stream().map(k -> messages.getMessage("audit.column." + k, null, locale)).toList();
        String title = messages.getMessage("audit.title", null, locale);
        String withheld = messages.getMessage("audit.detail.withheld", null, locale);
        ListDownload.write(response, chosen, "audit-" + LocalDate.now(clock.withZone(AuditConsole.ZONE)), title,
                out -> console.export(query, chosen.extension(), headers,
                        o -> messages.getMessage("audit.outcome." + o, null, o, locale), withheld, title, out));
    }
}
