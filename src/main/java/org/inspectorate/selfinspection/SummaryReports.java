package org.inspectorate.selfinspection;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.DocumentDocx;
import org.inspectorate.system.DocumentPdf;
import org.inspectorate.system.ReportFont;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's summary report (自查工作总结报告) as a file: DOCX, or PDF with the CJK font
 * {@link ReportFont} finds embedded. Only who may read the workspace gets it; every export is audited.
 */
@Service
public class SummaryReports {

    private final SelfInspections selfInspections;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MessageSource messages;
    private final String configuredFont;

    SummaryReports(SelfInspections selfInspections, ApplicationEventPublisher events, Clock clock,
            MessageSource messages, @Value("${inspectorate.report.font:}") String configuredFont) {
        this.selfInspections = selfInspections;
        this.events = events;
        this.clock = clock;
        this.messages = messages;
        this.configuredFont = configuredFont;
    }

    /** The summary report of a visible workspace as DOCX; the export is audited. */
    @Transactional
    public SummaryReport docx(Actor actor, long id, Locale locale, OutputStream out) throws IOException {
        SummaryReport report = report(actor, id, locale, "docx");
        out.write(DocumentDocx.render(report.title(), report.blocks()));
        return report;
    }

    /**
     * The summary report of a visible workspace as PDF with the CJK font embedded; the export is audited.
     * Without a font (see {@link #pdfFont()}) it is a {@link ConflictException} that says how to enable it.
     */
    @Transactional
    public SummaryReport pdf(Actor actor, long id, Locale locale, OutputStream out) throws IOException {
        selfInspections.visible(actor, id); // first: one who may not see the report learns nothing of it, not even "no font"
        Path font = pdfFont().orElseThrow(() -> new ConflictException("selfinspection.pdf.noFont"));
        SummaryReport report = report(actor, id, locale, "pdf");
        out.write(DocumentPdf.render(report.title(), report.blocks(), font));
        return report;
    }

    /** The font PDF reports embed, if one is configured or installed in a usual place. */
    public Optional<Path> pdfFont() {
        return ReportFont.locate(configuredFont);
    }

    private SummaryReport report(Actor actor, long id, Locale locale, String format) {
        SelfInspection s = selfInspections.get(actor, id);
        events.publishEvent(new SelfInspectionReportExported(id, format));
        return SummaryReport.of(s, locale, clock.getZone(), (key, args) -> messages.getMessage(key, args, key, locale));
    }
}
