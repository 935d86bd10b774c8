package org.inspectorate.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {

    @Test
    void exportedTextThatLooksLikeAFormulaGetsAnApostrophe() {
        assertThat(SpreadsheetCells.defuse("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(SpreadsheetCells.defuse("+86 10")).isEqualTo("'+86 10");
        assertThat(SpreadsheetCells.defuse("  @SUM(A1)")).isEqualTo("'  @SUM(A1)");
        assertThat(SpreadsheetCells.defuse("\tcmd")).isEqualTo("'\tcmd");
        assertThat(SpreadsheetCells.defuse("门户")).isEqualTo("门户");
        assertThat(SpreadsheetCells.defuse(null)).isEmpty();
    }

    @Test
    void anExportWritesDefusedTextOnSheetsWithUniqueNames() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxExport x = new XlsxExport("按严重程度/统计")) {
            x.header(List.of("标题", "数量"));
            var row = x.row();
            x.text(row, 0, "=cmd|' /C calc'!A0");
            x.number(row, 1, 3);
            x.sheet("按严重程度/统计");
            x.text(x.row(), 0, "plain");
            x.write(out);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(2);
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("按严重程度 统计");
            assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("按严重程度 统计 2");
            assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("'=cmd|' /C calc'!A0");
            assertThat(book.getSheetAt(0).getRow(1).getCell(1).getNumericCellValue()).isEqualTo(3);
            assertThat(book.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).isEqualTo("plain");
        }
    }
}
