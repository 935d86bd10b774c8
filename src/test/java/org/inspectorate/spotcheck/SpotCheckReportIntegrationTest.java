package org.inspectorate.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.scoring.ScoreSheets;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.ReportFont;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The spot-check report (检查报告) from the record, on a real database: the text extracted from the DOCX (POI) and
 * the PDF (PDFBox) names the operator, the methods, the authorisation, the team, the findings by severity and the
 * on-site notices with the signature and the refusal; the leader and the authority download it, the operator only
 * once REPORTED, a member never; every download is audited. And the progress: each province's basic telecom target
 * beside its count, exported as XLSX with the page's rows.
 */
@DatabaseTest
class SpotCheckReportIntegrationTest extends SpotCheckFixture {

    @Autowired
    SpotCheckReports reports;
    @Autowired
    ScoreSheets sheets;

    @Test
    void theReportHoldsTheOperatorMethodsAuthorisationTeamFindingsBySeverityAndTheNoticesAnswered() throws Exception {
        SpotCheckView check = reportable();
        String text = docx(reports.docx(leader, check.id(), Locale.SIMPLIFIED_CHINESE).content());
        String target = organisations.findUnscoped(operator.organisationId()).orElseThrow().name();
        assertThat(text).contains("网络安全检查报告", target, "宁夏回族自治区通信管理局", "部交办：举报核查", "门户网站",
                "现场询问", "远程渗透", "portal.example.cn", "已确认", "组长", "组员", "后台弱口令", "【重大问题】",
                "目录遍历泄露配置", "高危", "中危", "被检查单位签字确认：王五", "被检查单位拒绝签字", "非本单位系统",
                "六、量化评分");
        assertThat(text.indexOf("后台弱口令")).isLessThan(text.indexOf("目录遍历泄露配置")); // high before medium
        assertThat(text.indexOf("四、检查组")).isLessThan(text.indexOf("五、发现的问题"));
    }

    @Test
    void thePdfSaysTheSameInTheChineseFont() throws Exception {
        Optional<Path> font = ReportFont.locate(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(font.isPresent(), "no CJK TrueType font: PDF text test skipped");
        SpotCheckView check = reportable();
        String text;
        try (PDDocument doc = Loader.loadPDF(reports.pdf(officer, check.id(), Locale.SIMPLIFIED_CHINESE).content())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
        assertThat(text).contains("网络安全检查报告", "现场询问", "远程渗透", "后台弱口令", "目录遍历泄露配置",
                "被检查单位签字确认：王五", "非本单位系统");
    }

    @Test
    void theOperatorDownloadsOnlyOnceReportedAMemberNeverAndEveryDownloadIsAudited() throws Exception {
        SpotCheckView check = reportable();
        assertThatThrownBy(() -> reports.docx(operator, check.id(), Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reports.docx(member, check.id(), Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> reports.docx(bystander, check.id(), Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(NotFoundException.class);
        mvc.perform(get("/api/v1/spot-checks/{id}/report.docx", check.id()).with(as(member)))
                .andExpect(status().isNotFound());
        checks.report(leader, check.id(), -1);

        String forOperator = docx(reports.docx(operator, check.id(), Locale.SIMPLIFIED_CHINESE).content());
        assertThat(forOperator).contains("后台弱口令", "王五").doesNotContain("六、量化评分"); // its sheet is not approved
        mvc.perform(get("/spot-checks/{id}/report.docx", check.id()).with(as(officer)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString("spot-check-report-" + check.id() + ".docx")));
        mvc.perform(get("/api/v1/spot-checks/{id}/report.docx", check.id()).with(as(leader)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/spot-checks/{id}/report.odt", check.id()).with(as(leader)))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'spotcheck.report.exported' "
                + "AND subject = :s").param("s", "spotcheck:" + check.id()).query(Long.class).single()).isEqualTo(3L);
    }

    @Test
    void theCheckPageLinksTheReportForTheLeaderButNotForTheOperatorBeforeItIsReported() throws Exception {
        SpotCheckView check = reportable();
        assertThat(mvc.perform(get("/spot-checks/{id}", check.id()).with(as(leader))).andReturn().getResponse()
                .getContentAsString()).contains("report.docx");
        assertThat(mvc.perform(get("/spot-checks/{id}", check.id()).with(as(operator))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("report.docx");
    }

    @Test
    void progressShowsEachProvincesBasicTelecomTargetAndTheExportHasThePagesRows() throws Exception {
        long before = checks.progress(officer).get(0).basicTelecomTarget();
        Organisation group = OrganisationFixtures.organisation(organisations, OrganisationType.BASIC_TELECOM_GROUP,
                null, null);
        for (int i = 0; i < 2; i++) {
            OrganisationFixtures.organisation(organisations, OrganisationType.BASIC_TELECOM_PROVINCIAL, PROVINCE,
                    group.id());
        }
        ProvinceProgress row = checks.progress(officer).get(0);
        assertThat(row.basicTelecomTarget()).isEqualTo(before + 2);
        assertThat(row.basicTelecomTargetReached()).isEqualTo(row.basicTelecom() >= before + 2);
        started(outsideDraw());

        byte[] xlsx = mvc.perform(get("/spot-checks/progress.xlsx").with(as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(1); // the header and the officer's province
            Row r = book.getSheetAt(0).getRow(1);
            assertThat(r.getCell(0).getStringCellValue()).isEqualTo("宁夏回族自治区");
            assertThat(r.getCell(3).getNumericCellValue()).isEqualTo(checks.progress(officer).get(0).inProgress());
            assertThat(r.getCell(6).getNumericCellValue()).isEqualTo(before + 2);
        }
        mvc.perform(get("/api/v1/spot-checks/progress.xlsx").with(as(operator))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/spot-checks/progress.xlsx").with(as(ministry))).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'spotcheck.progress.exported'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2L);
    }

    /**
     * A started check with an authorisation confirmed, a high finding (major) acknowledged by 王五 and a medium one
     * refused with a reason, and a score sheet opened by the leader.
     */
    SpotCheckView reportable() {
        SpotCheckView check = started(outsideDraw());
        java.time.LocalDateTime now = java.time.LocalDateTime.now(clock);
        TestingAuthorisation a = work.authorise(leader, check.id(), new AuthorisationInput("REMOTE_PENETRATION",
                "portal.example.cn", now.minusHours(1).toString(), now.plusHours(8).toString(), "组长 138", "运维 139"),
                "授权书.pdf", org.inspectorate.agency.AgencyFixtures.PDF);
        work.confirmWindow(operator, check.id(), a.id());
        CheckFinding high = work.record(leader, check.id(), new SpotFindingInput("INTERVIEW", null, unit.id(),
                "后台弱口令", "admin/admin123 可登录", "WEAK_PASSWORD", "HIGH", "", "", true, "可直接控制核心业务系统"));
        CheckFinding medium = work.record(member, check.id(), new SpotFindingInput("REMOTE_PENETRATION",
                "portal.example.cn", unit.id(), "目录遍历泄露配置", "/static/../conf 可读", "MISCONFIGURATION", "MEDIUM",
                "", "", false, ""));
        work.tell(member, check.id(), high.findingId(), "INTERVIEW");
        work.tell(member, check.id(), medium.findingId(), "REMOTE_PENETRATION");
        work.acknowledge(operator, check.id(), high.findingId(), "王五");
        work.refuse(operator, check.id(), medium.findingId(), "非本单位系统");
        sheets.open(leader, check.id());
        return checks.get(leader, check.id());
    }

    static String docx(byte[] content) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }

}
