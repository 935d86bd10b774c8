package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.inspectorate.finding.Severity;
import org.junit.jupiter.api.Test;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/** The import template as an XLSX workbook: the first sheet's rows are the CSV's, hostile workbooks refused. */
class XlsxTemplateTest {

    private static final String[] HEADER = {"host", "port", "title", "severity", "description", "cve"};
    private static final Object[][] ROWS = {
            {"10.1.2.3", 8080d, "Tomcat manager exposed", "高", "Manager app, reachable", "CVE-2020-1938"},
            {"gw.example.cn", 22d, "SSH default password admin/admin", "HIGH", "", ""},
    };

    @Test
    void theFirstSheetsRowsAreTheSameFindingsAsTheCsvOfTheSameRows() throws IOException {
        byte[] xlsx = workbook(HEADER, ROWS, null);
        String csv = String.join(",", HEADER) + "\n10.1.2.3,8080,Tomcat manager exposed,高,\"Manager app, reachable\","
                + "CVE-2020-1938\ngw.example.cn,22,SSH default password admin/admin,HIGH,,\n";

        List<ScannedFinding> fromXlsx = parse(xlsx);

        assertThat(FormatDetector.detect(xlsx)).isEqualTo(ReportFormat.CSV);
        assertThat(fromXlsx).hasSize(2);
        assertThat(fromXlsx.get(0).port()).isEqualTo(8080);
        assertThat(fromXlsx.get(0).severity()).isEqualTo(Severity.HIGH);
        assertThat(fromXlsx.get(1).category()).isEqualTo(FindingCategory.WEAK_PASSWORD);
        assertThat(fromXlsx).isEqualTo(Samples.parseText(ReportFormat.CSV, csv));
    }

    @Test
    void aFormulaIsKeptAsItsTextAndFlaggedNeverEvaluated() throws IOException {
        byte[] xlsx = workbook(new String[] {"host", "title", "severity"},
                new Object[][] {{"10.0.0.1", "=HYPERLINK(\"http://evil/\",\"x\")", "LOW"}}, null);

        ScannedFinding finding = parse(xlsx).get(0);

        assertThat(finding.title()).isEqualTo("=HYPERLINK(\"http://evil/\",\"x\")");
        assertThat(finding.flags()).contains(FindingFlag.FORMULA_LIKE_TEXT);
    }

    @Test
    void aBadCellIsNamedWithItsRowAndColumnAsTheSpreadsheetShowsThem() throws IOException {
        byte[] xlsx = workbook(new String[] {"host", "title", "severity"},
                new Object[][] {{"10.0.0.1", "x", "LOW"}, {"10.0.0.2", "y", "urgent"}}, null);

        assertThatThrownBy(() -> parse(xlsx)).isInstanceOfSatisfying(ReportParseException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("ingest.parse.csv-severity-invalid");
            assertThat(e.problem().args()).containsExactly("urgent");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEqualTo(3);
        });
    }

    @Test
    void wrongHeadersInAWorkbookAreNamedAsInACsv() throws IOException {
        byte[] xlsx = workbook(new String[] {"主机", "title"}, new Object[][] {{"10.0.0.1", "x"}}, null);

        assertThatThrownBy(() -> parse(xlsx)).isInstanceOfSatisfying(ReportParseException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("ingest.parse.csv-header-wrong");
            assertThat(e.problem().args()).containsExactly("主机", "severity, host");
        });
    }

    @Test
    void aSheetDeclaringAnExternalEntityIsRefused() throws IOException {
        byte[] xlsx = workbook(HEADER, ROWS, sheet -> "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData>"
                + "</worksheet>");

        assertThatThrownBy(() -> parse(xlsx)).isInstanceOfSatisfying(ReportParseException.class,
                e -> assertThat(e.messageKey()).isEqualTo("ingest.parse.doctype-forbidden"));
    }

    @Test
    void aZipBombSheetIsRefusedBeforeItIsInflated() throws IOException {
        StringBuilder huge = new StringBuilder(16 * 1024 * 1024);
        huge.append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        while (huge.length() < 16 * 1024 * 1024) {
            huge.append("                                                                ");
        }
        huge.append("</sheetData></worksheet>");
        byte[] xlsx = workbook(HEADER, ROWS, sheet -> huge.toString());
        assertThat(xlsx.length).as("a bomb: small on disk").isLessThan(1024 * 1024);

        assertThatThrownBy(() -> parse(xlsx)).isInstanceOfSatisfying(ReportParseException.class,
                e -> assertThat(e.messageKey()).isEqualTo("ingest.parse.limit-exceeded"));
    }

    @Test
    void aZipThatIsNotAWorkbookIsNotRecognisedAndADamagedWorkbookIsNamedAsSuch() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> FormatDetector.detect(zip.toByteArray())).isInstanceOfSatisfying(
                ReportParseException.class, e -> assertThat(e.messageKey()).isEqualTo("ingest.parse.unknown-format"));

        byte[] xlsx = workbook(HEADER, ROWS, null);
        byte[] cut = Arrays.copyOf(xlsx, xlsx.length / 2);
        assertThatThrownBy(() -> parse(cut)).isInstanceOfSatisfying(ReportParseException.class,
                e -> assertThat(e.messageKey()).isEqualTo("ingest.parse.malformed-xlsx"));
    }

    private static List<ScannedFinding> parse(byte[] bytes) {
        List<ScannedFinding> findings = new ArrayList<>();
        new ReportParsers().parse(ReportFormat.CSV, new ByteArrayInputStream(bytes), findings::add);
        return findings;
    }

    /** A workbook of one sheet made with POI; {@code replaceSheet} swaps the sheet's XML for another. */
    private static byte[] workbook(String[] header, Object[][] rows,
            UnaryOperator<String> replaceSheet) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("发现");
            Row first = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                first.createCell(i).setCellValue(header[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows[r].length; i++) {
                    Object value = rows[r][i];
                    if (value instanceof Double d) {
                        row.createCell(i).setCellValue(d);
                    } else if (value instanceof String s && s.startsWith("=")) {
                        row.createCell(i).setCellFormula(s.substring(1));
                    } else if (value instanceof String s && !s.isEmpty()) {
                        row.createCell(i).setCellValue(s);
                    }
                }
            }
            workbook.write(bytes);
        }
        return replaceSheet == null ? bytes.toByteArray() : replace(bytes.toByteArray(), replaceSheet);
    }

    private static byte[] replace(byte[] xlsx, UnaryOperator<String> sheet) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(entry.getName().equals("xl/worksheets/sheet1.xml")
                        ? sheet.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)
                        : content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
