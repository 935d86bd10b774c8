package org.inspectorate.filing.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

@DatabaseTest
class BulkUploadIntegrationTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    private Clock clock;

    @Autowired
    MockMvc mvc;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcClient jdbc;

    private Organisation organisation;

    private Actor operator() {
        organisation = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE,
                Province.GUANGDONG, null);
        return OrganisationFixtures.actor(organisation, Role.OPERATOR_ADMIN);
    }

    private ResultActions call(Actor actor, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(authentication(OrganisationFixtures.authentication(actor))));
    }

    private ResultActions uploadPage(Actor actor, String filename, byte[] content) throws Exception {
        return call(actor, multipart("/network-units/bulk").file(new MockMultipartFile("file", filename, XLSX, content))
                .with(csrf()));
    }

    private ResultActions uploadApi(Actor actor, String filename, byte[] content) throws Exception {
        return call(actor, multipart("/api/v1/network-units/bulk")
                .file(new MockMultipartFile("file", filename, XLSX, content)));
    }

    private long units() {
        return jdbc.sql("SELECT COUNT(*) FROM network_unit WHERE organisation_id = :o").param("o", organisation.id())
                .query(Long.class).single();
    }

    private long uploads() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'filing.units.uploaded' AND subject = :s")
                .param("s", "organisation:" + organisation.id()).query(Long.class).single();
    }

    @Test
    void theDownloadedTemplateFilledWithThreeRowsCreatesThreeDraftUnits() throws Exception {
        Actor operator = operator();
        byte[] template = call(operator, get("/network-units/template.xlsx")).andExpect(status().isOk())
                .andExpect(content().contentType(XLSX)).andReturn().getResponse().getContentAsByteArray();
        ByteArrayOutputStream filled = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<Map<String, String>> rows = BulkFixtures.rows("模板门户", 3, today());
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                rows.get(r).forEach((key, value) -> row.createCell(UnitWorkbook.index(key)).setCellValue(value));
            }
            workbook.write(filled);
        }

        uploadPage(operator, "units.xlsx", filled.toByteArray())
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/network-units"))
                .andExpect(flash().attribute("bulkCreated", 3));

        assertThat(units()).isEqualTo(3);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM network_unit u JOIN network_unit_version v ON v.unit_id = u.id
                WHERE u.organisation_id = :o AND u.filing_state = 'DRAFT' AND v.version_no = 1""")
                .param("o", organisation.id()).query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM network_unit_asset a JOIN network_unit u ON u.id = a.unit_id
                WHERE u.organisation_id = :o""").param("o", organisation.id()).query(Long.class).single())
                .isEqualTo(3 * 4);
        assertThat(jdbc.sql("SELECT asset_value FROM network_unit_asset a JOIN network_unit u ON u.id = a.unit_id "
                + "WHERE u.organisation_id = :o AND a.seq_no = 1").param("o", organisation.id()).query(String.class)
                .list()).containsOnly(IDN.toASCII("门户.example.cn"));
        assertThat(uploads()).isEqualTo(1);
        call(operator, get("/network-units")).andExpect(status().isOk())
                .andExpect(content().string(containsString("模板门户-2")));
    }

    @Test
    void aFileWithBadRowsReportsEveryRowAndColumnAndSavesNothing() throws Exception {
        Actor operator = operator();
        List<Map<String, String>> rows = BulkFixtures.rows("坏行", 4, today());
        rows.get(1).put("gradeLevel", "3.3");
        rows.get(2).put("CIDR", "203.0.113.0/33");
        rows.get(2).remove("responsiblePerson");
        rows.get(3).put("gradingReviewedOn", "2026-13-45");

        uploadApi(operator, "bad.xlsx", BulkFixtures.workbook(rows))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("安全防护级别 Protection level"))
                .andExpect(jsonPath("$.errors[0].field").value("gradeLevel"))
                .andExpect(jsonPath("$.errors[0].code").value("filing.level.invalid"))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty())
                .andExpect(jsonPath("$.errors[1].row").value(4))
                .andExpect(jsonPath("$.errors[1].column").value("公网IP段及开放端口 Public IP ranges and open ports"))
                .andExpect(jsonPath("$.errors[1].field").value("assets[2].value"))
                .andExpect(jsonPath("$.errors[2].row").value(4))
                .andExpect(jsonPath("$.errors[2].field").value("responsiblePerson"))
                .andExpect(jsonPath("$.errors[3].row").value(5))
                .andExpect(jsonPath("$.errors[3].field").value("gradingReviewedOn"));

        uploadPage(operator, "bad.xlsx", BulkFixtures.workbook(rows))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"bulk-errors\"")))
                .andExpect(content().string(containsString("安全防护级别 Protection level")));
        assertThat(units()).isZero();
        assertThat(uploads()).isZero();
    }

    @Test
    void aFileWithTheWrongColumnsGetsOneMessageListingExpectedAndFound() throws Exception {
        Actor operator = operator();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row header = workbook.createSheet("units").createRow(0);
            header.createCell(0).setCellValue("Name");
            header.createCell(1).setCellValue("Level");
            workbook.getSheetAt(0).createRow(1).createCell(0).setCellValue("x");
            workbook.write(out);
        }
        uploadApi(operator, "columns.xlsx", out.toByteArray())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].code").value("filingreports.bulk.columns"))
                .andExpect(jsonPath("$.errors[0].message", containsString("单元名称 Unit name")))
                .andExpect(jsonPath("$.errors[0].message", containsString("Name | Level")));
        assertThat(units()).isZero();
    }

    @Test
    void aFileOfTenThousandAndOneRowsIsRefusedWithAClearMessage() throws Exception {
        Actor operator = operator();
        uploadApi(operator, "many.xlsx", BulkFixtures.workbook(BulkFixtures.rows("多", 10_001, today())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].code").value("filingreports.bulk.tooManyRows"))
                .andExpect(jsonPath("$.errors[0].message", containsString("5,000")));
        assertThat(units()).isZero();
    }

    @Test
    void formulaInjectionIsRefusedAsARowAndColumnProblem() throws Exception {
        Actor operator = operator();
        List<Map<String, String>> rows = BulkFixtures.rows("公式", 2, today());
        rows.get(1).put("description", "=cmd|' /C calc'!A0");
        uploadApi(operator, "formula.xlsx", BulkFixtures.workbook(rows))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("描述 Description"))
                .andExpect(jsonPath("$.errors[0].code").value("filingreports.bulk.formula"));
        assertThat(units()).isZero();
    }

    @Test
    void contentThatIsNotAWorkbookIsRefusedWhateverItsName() throws Exception {
        Actor operator = operator();
        uploadApi(operator, "units.xlsx", "name,level\nportal,3.1\n".getBytes())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("filingreports.bulk.notXlsx"));
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("not a workbook".getBytes());
            z.closeEntry();
        }
        uploadApi(operator, "units.xlsx", zip.toByteArray())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("filingreports.bulk.notXlsx"));
        uploadPage(operator, "units.xlsx", zip.toByteArray())
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("XLSX")));
        assertThat(units()).isZero();
    }

    @Test
    void aFileOverTenMegabytesIsRefusedBySize() throws Exception {
        Actor operator = operator();
        byte[] big = new byte[(int) BulkUnitUpload.MAX_BYTES + 1];
        big[0] = 'P';
        big[1] = 'K';
        big[2] = 3;
        big[3] = 4;
        uploadApi(operator, "big.xlsx", big)
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].code").value("filingreports.bulk.tooLarge"));
        uploadPage(operator, "big.xlsx", big).andExpect(status().isContentTooLarge())
                .andExpect(content().string(containsString("10 MB")));
        assertThat(units()).isZero();
    }

    @Test
    void regulatorsCannotBulkUpload() throws Exception {
        Actor officer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.GUANGDONG, null), Role.PROVINCIAL_OFFICER);
        call(officer, multipart("/api/v1/network-units/bulk").file(new MockMultipartFile("file", "u.xlsx", XLSX,
                BulkFixtures.workbook(BulkFixtures.rows("官", 1, today()))))).andExpect(status().isForbidden());
        uploadPage(officer, "u.xlsx", BulkFixtures.workbook(BulkFixtures.rows("官", 1, today()))).andExpect(status().isNotFound());
    }

    @Test
    void theApiAnswers201WithTheCounts() throws Exception {
        Actor operator = operator();
        uploadApi(operator, "ok.xlsx", BulkFixtures.workbook(BulkFixtures.rows("接口", 5, today())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rows").value(5))
                .andExpect(jsonPath("$.created").value(5));
        assertThat(units()).isEqualTo(5);
        call(operator, get("/api/v1/network-units/template.xlsx")).andExpect(status().isOk())
                .andExpect(content().contentType(XLSX));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
