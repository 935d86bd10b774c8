package org.inspectorate.selfinspection;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.IntFunction;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.inspectorate.system.PageResult;

/** The submission-status view as a streaming (SXSSF) workbook: every page, text cells escaped against formulas. */
final class StatusExport {

    /** Largest export; a longer list is cut. */
    static final int MAX_ROWS = 100_000;

    private StatusExport() {
    }

    static int write(IntFunction<PageResult<StatusRow>> pages, OutputStream out, SummaryReport.Text text)
            throws IOException {
        int count = 0;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(sheetName(text.get("selfinspection.status.title")));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<String> header = List.of("selfinspection.field.organisation", "selfinspection.field.type",
                    "selfinspection.field.province", "selfinspection.field.recipient", "selfinspection.field.dueOn",
                    "selfinspection.field.status", "selfinspection.field.answered", "selfinspection.field.total",
                    "selfinspection.field.submittedAt");
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                Cell c = head.createCell(i);
                c.setCellValue(text.get(header.get(i)));
                c.setCellStyle(bold);
            }
            int next = 1;
            for (int page = 0; count < MAX_ROWS; page++) {
                PageResult<StatusRow> result = pages.apply(page);
                for (StatusRow r : result.items()) {
                    if (count >= MAX_ROWS) {
                        break;
                    }
                    Row row = sheet.createRow(next++);
                    row.createCell(0).setCellValue(safe(r.organisationName()));
                    row.createCell(1).setCellValue(safe(text.get(r.organisationType().messageKey())));
                    row.createCell(2).setCellValue(r.province() == null ? "" : safe(text.get(r.province().messageKey())));
                    row.createCell(3).setCellValue(r.workspaceId() == null ? "" : safe(r.recipientName(text)));
                    row.createCell(4).setCellValue(r.dueOn() == null ? "" : r.dueOn().toString());
                    row.createCell(5).setCellValue(safe(text.get(r.status().messageKey())));
                    row.createCell(6).setCellValue(r.answered());
                    row.createCell(7).setCellValue(r.total());
                    row.createCell(8).setCellValue(r.submittedAt() == null ? "" : r.submittedAt().toString());
                    count++;
                }
                if (!result.hasNext()) {
                    break;
                }
            }
            workbook.write(out);
        }
        return count;
    }

    /** Text a spreadsheet would take for a formula gets a leading apostrophe (formula injection). */
    static String safe(String value) {
        if (value == null) {
            return "";
        }
        String s = value.stripLeading();
        boolean formula = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0;
        return formula || value.startsWith("\t") || value.startsWith("\r") ? "'" + value : value;
    }

    private static String sheetName(String title) {
        String s = title.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return s.length() > 31 ? s.substring(0, 31) : s;
    }
}
