package org.inspectorate.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.util.List;

/**
 * Renders a document's {@link DocumentBlock}s as PDF: the blocks as XHTML, laid out by openhtmltopdf with the CJK
 * TrueType font embedded (regular and bold registered explicitly; {@link ReportFont} finds it), so that the file
 * reads the same everywhere. Every text is escaped. Used by the self-inspection summary report and the
 * rectification notice.
 */
public final class DocumentPdf {

    static final String FAMILY = "report-cjk";

    private DocumentPdf() {
    }

    /** The PDF of the document titled {@code title}, with {@code font} embedded. */
    public static byte[] render(String title, List<DocumentBlock> blocks, Path font) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font.toFile(), FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(font.toFile(), FAMILY, 700, FontStyle.NORMAL, true);
            // The document is generated and every text escaped; still, nothing in it may make the renderer
            // fetch anything (file:, http:, …): a regulator's network is closed and a report is no way in.
            builder.useExternalResourceAccessControl((uri, type) -> false,
                    ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl((uri, type) -> false,
                    ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.withHtmlContent(html(title, blocks), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The XHTML the PDF is laid out from (for the tests: every text escaped). */
    public static String html(String title, List<DocumentBlock> blocks) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>").append(escape(title))
                .append("</title><style>")
                .append("@page { size: A4; margin: 20mm 18mm; }")
                .append("body { font-family: '").append(FAMILY).append("'; font-size: 10.5pt; line-height: 1.5; }")
                .append("h1 { font-size: 17pt; text-align: center; } h2 { font-size: 13pt; margin-top: 14pt; }")
                .append("h3 { font-size: 11pt; } table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt 0; }")
                .append("th, td { border: 0.5pt solid #555; padding: 2pt 4pt; vertical-align: top; word-wrap: break-word; }")
                .append("th { background: #eee; font-weight: bold; } .short { white-space: nowrap; }")
                .append(".center { text-align: center; } .right { text-align: right; } .bold { font-weight: bold; }")
                .append("</style></head><body>");
        for (DocumentBlock block : blocks) {
            if (block instanceof DocumentBlock.Heading hd) {
                int level = Math.min(Math.max(hd.level(), 1), 3);
                h.append("<h").append(level).append('>').append(escape(hd.text())).append("</h").append(level).append('>');
            } else if (block instanceof DocumentBlock.Paragraph p) {
                h.append(paragraph(p));
            } else if (block instanceof DocumentBlock.Table t) {
                h.append("<table><thead><tr>");
                t.header().forEach(c -> h.append(cell("th", c)));
                h.append("</tr></thead><tbody>");
                for (List<String> row : t.rows()) {
                    h.append("<tr>");
                    row.forEach(c -> h.append(cell("td", c)));
                    h.append("</tr>");
                }
                h.append("</tbody></table>");
            }
        }
        return h.append("</body></html>").toString();
    }

    private static String paragraph(DocumentBlock.Paragraph p) {
        String classes = (p.align() == DocumentBlock.Align.LEFT ? "" : p.align().name().toLowerCase(java.util.Locale.ROOT))
                + (p.bold() ? " bold" : "");
        return (classes.isBlank() ? "<p>" : "<p class=\"" + classes.strip() + "\">") + escape(p.text()) + "</p>";
    }

    /** A table cell; short values (ids, answers, counts, dates) do not wrap, so long texts get the width. */
    private static String cell(String tag, String text) {
        boolean shortText = text != null && text.length() <= 10;
        return "<" + tag + (shortText ? " class=\"short\">" : ">") + escape(text) + "</" + tag + ">";
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
