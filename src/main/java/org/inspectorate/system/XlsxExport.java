package org.inspectorate.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A streaming (SXSSF) workbook for the XLSX exports of every module: one or more sheets, each with a
 * bold header row, then rows whose text cells are defused against formula injection
 * ({@link SpreadsheetCells#defuse}). Only a window of rows is kept in memory; close it to delete the
 * temporary files.
 */
public final class XlsxExport implements TableExport, AutoCloseable {

    /** The XLSX content type. */
    public static final MediaType MEDIA_TYPE = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final CellStyle bold;
    private Sheet sheet;
    private int next;

    /** A workbook with its first sheet named {@code title}. */
    public XlsxExport(String title) {
        bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        sheet(title);
    }

    /** Starts another sheet; the rows that follow go there. */
    public XlsxExport sheet(String title) {
        String name = title.replaceAll("[\\\\/?*\\[\\]:]", " ");
        name = name.length() > 31 ? name.substring(0, 31) : name;
        String unique = name;
        for (int n = 2; workbook.getSheet(unique) != null; n++) {
            String suffix = " " + n;
            unique = (name.length() + suffix.length() > 31 ? name.substring(0, 31 - suffix.length()) : name) + suffix;
        }
        sheet = workbook.createSheet(unique);
        next = 0;
        return this;
    }

    /**
     * Marks the current sheet with {@code line} (a watermark: whom the data was given to and when) in its printed
     * header and footer; the caller writes it as a visible row too, since a header shows only when printed.
     */
    public XlsxExport watermark(String line) {
        sheet.getHeader().setCenter(line);
        sheet.getFooter().setCenter(line);
        return this;
    }

    /** A bold row of column names. */
    @Override
    public void header(List<String> names) {
        Row row = row();
        for (int i = 0; i < names.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(names.get(i));
            cell.setCellStyle(bold);
        }
    }

    /** The next row: numbers as number cells, anything else as defused text. */
    @Override
    public void values(List<?> values) {
        Row row = row();
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof Number n) {
                number(row, i, n.doubleValue());
            } else {
                text(row, i, value == null ? null : value.toString());
            }
        }
    }

    /** The next row of the current sheet. */
    public Row row() {
        return sheet.createRow(next++);
    }

    /** A text cell, defused against formula injection. */
    public void text(Row row, int column, String value) {
        row.createCell(column).setCellValue(SpreadsheetCells.defuse(value));
    }

    /** A number cell. */
    public void number(Row row, int column, double value) {
        row.createCell(column).setCellValue(value);
    }

    public void write(OutputStream out) throws IOException {
        workbook.write(out);
    }

    /** A written workbook as a download named {@code filename}. */
    public static ResponseEntity<byte[]> download(ByteArrayOutputStream out, String filename) {
        return ResponseEntity.ok()
                .contentType(MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(out.toByteArray());
    }

    @Override
    public void close() throws IOException {
        workbook.close(); // also deletes the temporary files
    }
}
