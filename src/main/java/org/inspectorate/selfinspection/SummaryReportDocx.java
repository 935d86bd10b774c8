package org.inspectorate.selfinspection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Renders a {@link SummaryReport} as a Word document (DOCX, Apache POI); Word supplies the Chinese font. */
final class SummaryReportDocx {

    private SummaryReportDocx() {
    }

    static byte[] render(SummaryReport report) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle(report.title());
            for (SummaryReport.Block block : report.blocks()) {
                if (block instanceof SummaryReport.Heading h) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setStyle("Heading" + h.level());
                    XWPFRun run = p.createRun();
                    run.setBold(true);
                    run.setFontSize(h.level() == 1 ? 18 : h.level() == 2 ? 14 : 12);
                    run.setText(h.text());
                } else if (block instanceof SummaryReport.Paragraph para) {
                    doc.createParagraph().createRun().setText(para.text());
                } else if (block instanceof SummaryReport.Table t) {
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
