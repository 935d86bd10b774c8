package org.inspectorate.spotcheck;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.inspectorate.organisation.Actor;
import org.inspectorate.scoring.ScoreSheetView;
import org.inspectorate.scoring.ScoreSheets;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.DocumentDocx;
import org.inspectorate.system.DocumentPdf;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.ReportFont;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The spot-check report (检查报告) as DOCX or PDF (the shared renderers, the CJK font {@link ReportFont} finds), for
 * the team's leader, the check's authority and — once the check is REPORTED — the target operator; anyone else,
 * including the other members of the team, gets 404. Every download is audited ({@link SpotCheckReportExported}).
 */
@Service
public class SpotCheckReports {

    private final SpotChecks checks;
    private final SpotCheckWork work;
    private final ScoreSheets sheets;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;
    private final String configuredFont;

    SpotCheckReports(SpotChecks checks, SpotCheckWork work, ScoreSheets sheets, ApplicationEventPublisher events,
            MessageSource messages, Clock clock, @Value("${inspectorate.report.font:}") String configuredFont) {
        this.checks = checks;
        this.work = work;
        this.sheets = sheets;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
        this.configuredFont = configuredFont;
    }

    /** A rendered report: its file name and bytes. */
    public record Document(String fileName, byte[] content) {
    }

    @Transactional
    public Document docx(Actor actor, long id, Locale locale) {
        SpotCheckReport.Contents c = contents(actor, id, "docx");
        SpotCheckReport.Text t = text(locale);
        return new Document(fileName(id, "docx"), DocumentDocx.render(SpotCheckReport.title(c, t),
                SpotCheckReport.blocks(c, clock.getZone(), t)));
    }

    /** The PDF; without a font it is a conflict saying how to enable it (the DOCX needs none). */
    @Transactional
    public Document pdf(Actor actor, long id, Locale locale) {
        allowed(actor, id); // first: one who may not read the report learns nothing, not even "no font"
        Path font = pdfFont().orElseThrow(() -> new ConflictException("spotcheck.report.noFont"));
        SpotCheckReport.Contents c = contents(actor, id, "pdf");
        SpotCheckReport.Text t = text(locale);
        return new Document(fileName(id, "pdf"), DocumentPdf.render(SpotCheckReport.title(c, t),
                SpotCheckReport.blocks(c, clock.getZone(), t), font));
    }

    /** The font PDF reports embed, if one is configured or installed in a usual place. */
    public Optional<Path> pdfFont() {
        return ReportFont.locate(configuredFont);
    }

    private SpotCheckView allowed(Actor actor, long id) {
        SpotCheckView check = checks.get(actor, id);
        if (!SpotCheckAccess.mayDownloadReport(actor, check)) {
            throw new NotFoundException("spot-check report", id);
        }
        return check;
    }

    private SpotCheckReport.Contents contents(Actor actor, long id, String format) {
        SpotCheckView check = allowed(actor, id);
        List<CheckFinding> findings = work.findings(actor, id);
        ScoreSheetView sheet = sheets.idOfSpotCheck(actor, id).map(s -> sheets.get(actor, s)).orElse(null);
        events.publishEvent(new SpotCheckReportExported(id, format));
        return new SpotCheckReport.Contents(check, checks.names(List.of(check)).target(check.targetOrganisationId()),
                checks.unitNames(check), checks.names(List.of(check)), work.authorisations(actor, id),
                findings, sheet);
    }

    private SpotCheckReport.Text text(Locale locale) {
        return (key, args) -> messages.getMessage(key, args, key, locale);
    }

    private static String fileName(long id, String ext) {
        return "spot-check-report-" + id + "." + ext;
    }
}
