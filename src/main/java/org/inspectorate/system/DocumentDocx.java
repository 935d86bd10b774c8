package org.inspectorate.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Renders a document's {@link DocumentBlock}s as a Word document (DOCX, Apache POI); Word supplies the Chinese font.
 * Used by the self-inspection summary report and the rectification notice.
 */
public final class DocumentDocx {

    private DocumentDocx() {
    }

    /** The DOCX of the document titled {@code title}. */
    public static byte[] render(String title, List<DocumentBlock> blocks) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle(title);
            for (DocumentBlock block : blocks) {
                if (block instanceof DocumentBlock.Heading h) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setStyle("Heading" + h.level());
                    if (h.level() == 1) {
                        p.setAlignment(ParagraphAlignment.CENTER);
                    }
                    XWPFRun run = p.createRun();
                    run.setBold(true);
                    run.setFontSize(h.level() == 1 ? 18 : h.level() == 2 ? 14 : 12);
                    run.setText(h.text());
                } else if (block instanceof DocumentBlock.Paragraph para) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setAlignment(switch (para.align()) {
                        case LEFT -> ParagraphAlignment.LEFT;
                        case CENTER -> ParagraphAlignment.CENTER;
                        case RIGHT -> ParagraphAlignment.RIGHT;
                    });
                    XWPFRun run = p.createRun();
                    run.setBold(para.bold());
                    run.setText(para.text());
                } else if (block instanceof DocumentBlock.Table t) {
                    XWPFTable table = doc.createTable(t.rows().size() + 1, t.header().size());
                    fill(table.getRow(0), t.header(), true);
                    for (int i = 0; i < t.rows().size(); i++) {
                        fill(table.getRow(i + 1), t.rows().get(i), false);
                    }
                    doc.createParagraph();
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
            XWPFRun run = p.createRun();
            run.setBold(bold);
            run.setText(cells.get(c));
        }
    }
}
