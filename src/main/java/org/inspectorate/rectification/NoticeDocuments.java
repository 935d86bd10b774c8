package org.inspectorate.rectification;

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
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A notice's formal document as DOCX (Apache POI) or PDF (openhtmltopdf with the CJK font {@link ReportFont} finds,
 * as the self-inspection report does). Only who sees the notice gets it (404 otherwise); every download is audited.
 */
@Service
public class NoticeDocuments {

    private final NoticeRecords records;
    private final MessageSource messages;
    private final Clock clock;
    private final String configuredFont;

    NoticeDocuments(NoticeRecords records, MessageSource messages, Clock clock,
            @Value("${inspectorate.report.font:}") String configuredFont) {
        this.records = records;
        this.messages = messages;
        this.clock = clock;
        this.configuredFont = configuredFont;
    }

    /** A rendered document: its file name and bytes. */
    public record Document(String fileName, byte[] content) {
    }

    @Transactional
    public Document docx(Actor actor, long id, Locale locale) {
        Notice n = notice(actor, id, "docx");
        NoticeDocument.Text t = text(locale);
        return new Document(fileName(n, "docx"), DocumentDocx.render(NoticeDocument.title(n, t),
                NoticeDocument.blocks(n, clock.getZone(), t)));
    }

    /** The PDF; without a font it is a conflict saying how to enable it (the DOCX needs none). */
    @Transactional
    public Document pdf(Actor actor, long id, Locale locale) {
        records.visible(actor, id); // first: one who may not see the notice learns nothing, not even "no font"
        Path font = pdfFont().orElseThrow(() -> new ConflictException("rectification.pdf.noFont"));
        Notice n = notice(actor, id, "pdf");
        NoticeDocument.Text t = text(locale);
        return new Document(fileName(n, "pdf"), DocumentPdf.render(NoticeDocument.title(n, t),
                NoticeDocument.blocks(n, clock.getZone(), t), font));
    }

    /** The font PDF documents embed, if one is configured or installed in a usual place. */
    public Optional<Path> pdfFont() {
        return ReportFont.locate(configuredFont);
    }

    private Notice notice(Actor actor, long id, String format) {
        Notice n = records.view(records.visible(actor, id));
        records.publish(new NoticeDocumentExported(id, format));
        return n;
    }

    private NoticeDocument.Text text(Locale locale) {
        return (key, args) -> messages.getMessage(key, args, key, locale);
    }

    private static String fileName(Notice n, String ext) {
        return "rectification-notice-" + n.id() + "." + ext;
    }
}
