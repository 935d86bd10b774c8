package org.inspectorate.filing.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.inspectorate.filing.AssetInput;
import org.inspectorate.filing.UnitInput;
import org.junit.jupiter.api.Test;

class UnitWorkbookTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private static byte[] template() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        UnitWorkbook.writeTemplate(out, key -> "text of " + key);
        return out.toByteArray();
    }

    @Test
    void theTemplateHasBilingualHeadersDropdownsAndAnInstructionsSheet() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template()))) {
            Sheet units = workbook.getSheetAt(0);
            Row header = units.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("单元名称 Unit name");
            assertThat(header.getLastCellNum()).isEqualTo((short) UnitWorkbook.COLUMNS.size());
            List<? extends DataValidation> validations = units.getDataValidations();
            assertThat(validations).hasSize(3);
            assertThat(validations).anySatisfy(v -> assertThat(v.getValidationConstraint().getExplicitListValues())
                    .containsExactly("1", "2", "3.1", "3.2", "4", "5"));
            assertThat(validations).anySatisfy(v -> assertThat(v.getValidationConstraint().getExplicitListValues())
                    .contains("PORTAL", "CONNECTED_VEHICLE"));
            Sheet help = workbook.getSheetAt(1);
            assertThat(help.getRow(0).getCell(0).getStringCellValue()).isEqualTo("text of filingreports.template.help.rows");
        }
    }

    @Test
    void anEmptyTemplateReadsAsNoRows() throws IOException {
        assertThat(UnitWorkbook.read(new ByteArrayInputStream(template())).rows()).isEmpty();
    }

    @Test
    void assetColumnsSplitIntoEntriesWithTheirOpenPorts() {
        Map<String, String> row = BulkFixtures.row("门户", TODAY);
        row.put("IP_ADDRESS", "198.51.100.7 22 ; 2001:db8::1");
        UnitWorkbook.Parsed parsed = UnitWorkbook.read(new ByteArrayInputStream(BulkFixtures.workbook(List.of(row))));
        UnitInput input = parsed.rows().get(0).input();
        assertThat(parsed.rows().get(0).rowNumber()).isEqualTo(2);
        assertThat(input.assets()).extracting(AssetInput::kind, AssetInput::value, AssetInput::openPorts).containsExactly(
                Tuple.tuple("DOMAIN", "portal.example.cn", null),
                Tuple.tuple("DOMAIN", "门户.example.cn", null),
                Tuple.tuple("IP_ADDRESS", "198.51.100.7", "22"),
                Tuple.tuple("IP_ADDRESS", "2001:db8::1", null),
                Tuple.tuple("CIDR", "203.0.113.0/24", "80,443"),
                Tuple.tuple("APP_PACKAGE", "com.example.portal", null));
    }

    @Test
    void formulaCellsAndFormulaLikeTextAreRefusedWithoutEvaluation() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                BulkFixtures.workbook(BulkFixtures.rows("f", 3, TODAY))))) {
            Sheet sheet = workbook.getSheetAt(0);
            sheet.getRow(1).getCell(UnitWorkbook.index("name")).setCellFormula("1+1");
            sheet.getRow(2).getCell(UnitWorkbook.index("description")).setCellValue("=cmd|' /C calc'!A0");
            sheet.getRow(3).getCell(UnitWorkbook.index("responsiblePerson")).setCellValue("@SUM(A1)");
            workbook.write(out);
        }
        UnitWorkbook.Parsed parsed = UnitWorkbook.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(parsed.problems()).extracting(BulkProblem::row, BulkProblem::column, BulkProblem::code)
                .containsExactly(
                        Tuple.tuple(2, "单元名称 Unit name", "filingreports.bulk.formula"),
                        Tuple.tuple(3, "描述 Description", "filingreports.bulk.formula"),
                        Tuple.tuple(4, "责任人 Responsible person", "filingreports.bulk.formula"));
    }

    @Test
    void wrongColumnsAreOneMessageListingExpectedAndFound() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row header = workbook.createSheet("x").createRow(0);
            header.createCell(0).setCellValue("名称");
            header.createCell(1).setCellValue("级别");
            workbook.write(out);
        }
        assertThatThrownBy(() -> UnitWorkbook.read(new ByteArrayInputStream(out.toByteArray())))
                .isInstanceOfSatisfying(BulkUploadRejected.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    BulkProblem p = e.problems().get(0);
                    assertThat(p.code()).isEqualTo("filingreports.bulk.columns");
                    assertThat((String) p.args()[0]).startsWith("单元名称 Unit name | 网络类型 Network type");
                    assertThat(p.args()[1]).isEqualTo("名称 | 级别");
                });
    }

    @Test
    void moreThanFiveThousandRowsAreRefusedBeforeAnyRowIsRead() {
        byte[] file = BulkFixtures.workbook(BulkFixtures.rows("many", 10_001, TODAY));
        assertThatThrownBy(() -> UnitWorkbook.read(new ByteArrayInputStream(file)))
                .isInstanceOfSatisfying(BulkUploadRejected.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.code()).isEqualTo("filingreports.bulk.tooManyRows");
                        assertThat(p.args()).containsExactly(10_001, 5_000);
                    });
                });
    }

    @Test
    void aFormulaInARequiredCellIsReportedOnceAsAFormula() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                BulkFixtures.workbook(BulkFixtures.rows("f", 1, TODAY))))) {
            workbook.getSheetAt(0).getRow(1).getCell(UnitWorkbook.index("name")).setCellFormula("1+1");
            workbook.write(out);
        }
        UnitWorkbook.Parsed parsed = UnitWorkbook.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(parsed.rows()).singleElement().satisfies(r -> assertThat(r.input().name()).isEmpty());
        assertThat(parsed.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("name"));
    }

    @Test
    void dateAndNumberCellsReadAsTheTextAUserTyped() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                BulkFixtures.workbook(BulkFixtures.rows("d", 1, TODAY))))) {
            Row row = workbook.getSheetAt(0).getRow(1);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
            row.getCell(UnitWorkbook.index("gradingReviewedOn")).setCellValue(LocalDate.of(2026, 2, 28));
            row.getCell(UnitWorkbook.index("gradingReviewedOn")).setCellStyle(date);
            row.getCell(UnitWorkbook.index("gradeLevel")).setCellValue(3.1);
            workbook.write(out);
        }
        UnitInput input = UnitWorkbook.read(new ByteArrayInputStream(out.toByteArray())).rows().get(0).input();
        assertThat(input.gradingReviewedOn()).isEqualTo("2026-02-28");
        assertThat(input.gradeLevel()).isEqualTo("3.1");
    }
}
