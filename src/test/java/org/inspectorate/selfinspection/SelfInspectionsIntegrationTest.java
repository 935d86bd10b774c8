package org.inspectorate.selfinspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.inspectorate.campaign.Campaigns;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.finding.Finding;
import org.inspectorate.finding.FindingSource;
import org.inspectorate.finding.Findings;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationInput;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.Codes;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.XlsxExport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@DatabaseTest
class SelfInspectionsIntegrationTest {

    static final String CRITICAL = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
    static final String REQUIRE_FONT = "inspectorate.test.require-cjk-font";

    @Autowired
    SelfInspections selfInspections;
    @Autowired
    SelfInspectionStatus statusView;
    @Autowired
    SummaryReports reports;
    @Autowired
    Campaigns campaigns;
    @Autowired
    Findings findings;
    @Autowired
    Organisations organisations;
    @Autowired
    NetworkUnits units;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    Actor ministry;
    Actor operator;
    Actor officer;
    Actor otherOfficer;
    Actor otherOperator;
    Organisation company;
    long unitId;
    String code;

    @BeforeEach
    void setUp() {
        ministry = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.MINISTRY_BUREAU, null, null), Role.MINISTRY_OFFICER);
        company = OrganisationFixtures.organisation(organisations, OrganisationType.INTERNET_ENTERPRISE, Province.HUBEI,
                null);
        operator = OrganisationFixtures.actor(company, Role.OPERATOR_ADMIN);
        otherOperator = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.INTERNET_ENTERPRISE, Province.HUBEI, null), Role.OPERATOR_ADMIN);
        officer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.HUBEI, null), Role.PROVINCIAL_OFFICER);
        otherOfficer = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.PROVINCIAL_ADMINISTRATION, Province.HUNAN, null), Role.PROVINCIAL_OFFICER);
        unitId = SelfInspectionFixtures.unit(units, operator);
        code = SelfInspectionFixtures.campaign(campaigns, ministry, LocalDate.now(clock).plusDays(30));
    }

    private AnswerInput notCompliant(String notes, String severity, String cvss) {
        return new AnswerInput("NOT_COMPLIANT", notes, null, severity, "VULNERABILITY", unitId, null, "李四", null, cvss);
    }

    /** Answers every item: PWD-01 and VUL-01 not compliant (two findings), D24-01 compliant; writes the overview. */
    private SelfInspection complete() {
        selfInspections.answer(operator, code, "PWD-01", new AnswerInput("NOT_COMPLIANT", "路由器使用默认口令", "核心路由器默认口令",
                "MEDIUM", "WEAK_PASSWORD", unitId, null, null, null, null));
        selfInspections.answer(operator, code, "VUL-01", notCompliant("Log4j 远程代码执行", "HIGH", CRITICAL));
        selfInspections.answer(operator, code, "D24-01", AnswerInput.of("COMPLIANT", "规则已在官网公布"));
        return selfInspections.saveReport(operator, code, "本单位组织开展了网络安全自查。\n共检查网络单元一个。", "持续整改");
    }

    private long auditEntries(String action, long workspaceId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND subject = :s").param("a", action)
                .param("s", "self-inspection:" + workspaceId).query(Long.class).single();
    }

    // --- answers and findings --------------------------------------------------------------------

    @Test
    void aSelfInspectionStartsWithItsFirstAnswerAndNotBefore() {
        SelfInspection before = selfInspections.mine(operator, code);
        assertThat(before.started()).isFalse();
        assertThat(before.status()).isEqualTo(SubmissionStatus.NOT_STARTED);
        assertThat(before.progress().total()).isEqualTo(3);

        SelfInspection after = selfInspections.answer(operator, code, "D24-01", AnswerInput.of("compliant", "已公布"));
        assertThat(after.started()).isTrue();
        assertThat(after.status()).isEqualTo(SubmissionStatus.IN_PROGRESS);
        assertThat(after.progress().answered()).isEqualTo(1);
        assertThat(after.route().province()).isEqualTo(Province.HUBEI);
        assertThat(auditEntries("selfinspection.started", after.workspace().id())).isEqualTo(1);
        assertThat(auditEntries("selfinspection.answered", after.workspace().id())).isEqualTo(1);
    }

    @Test
    void aNotCompliantAnswerOpensASelfInspectionFindingLinkedToTheAnswer() {
        SelfInspection s = selfInspections.answer(operator, code, "VUL-01", notCompliant("Log4j 远程代码执行", "HIGH", CRITICAL));

        ChecklistEntry entry = s.entries().stream().filter(e -> e.item().id().equals("VUL-01")).findFirst().orElseThrow();
        assertThat(entry.answer().answer()).isEqualTo(Answer.NOT_COMPLIANT);
        Finding f = findings.get(operator, entry.answer().findingId());
        assertThat(entry.finding().id()).isEqualTo(f.id());
        assertThat(f.source()).isEqualTo(FindingSource.SELF_INSPECTION);
        assertThat(f.campaignCode()).isEqualTo(code);
        assertThat(f.sourceRef()).contains(code).contains("VUL-01");
        assertThat(f.title()).startsWith("VUL-01 ").contains("不存在未修复的中高危漏洞");
        assertThat(f.description()).isEqualTo("Log4j 远程代码执行");
        assertThat(f.organisationId()).isEqualTo(company.id());
        assertThat(f.dueOn()).isEqualTo(LocalDate.now(clock).plusDays(15));
        assertThat(f.cvssScore()).isEqualByComparingTo("9.8");
        assertThat(s.progress().findings()).isEqualTo(1);
        assertThat(s.progress().findingsOpen()).isEqualTo(1);

        // answering again keeps the one finding; a later COMPLIANT answer leaves it linked in the register
        SelfInspection again = selfInspections.answer(operator, code, "VUL-01", AnswerInput.of("NOT_COMPLIANT", "仍存在"));
        SelfInspection changed = selfInspections.answer(operator, code, "VUL-01", AnswerInput.of("COMPLIANT", "已修复"));
        assertThat(again.progress().findings()).isEqualTo(1);
        assertThat(changed.entries().get(1).answer().findingId()).isEqualTo(f.id());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM finding WHERE campaign_code = :c").param("c", code)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aNotCompliantAnswerWithoutTheFindingsFieldsIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> selfInspections.answer(operator, code, "VUL-01",
                new AnswerInput("NOT_COMPLIANT", "x", null, null, null, null, null, null, null, "CVSS:3.1/AV:X")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field)
                        .contains("severity", "category", "networkUnitId", "cvssVector"));
        assertThatThrownBy(() -> selfInspections.answer(operator, code, "VUL-01", AnswerInput.of("MAYBE", null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("answer"));
        assertThat(selfInspections.mine(operator, code).started()).isFalse();
        assertThatThrownBy(() -> selfInspections.answer(operator, code, "NO-SUCH-ITEM", AnswerInput.of("COMPLIANT", null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void progressShowsFindingsOpenAndFixedToTheOperatorAndItsReviewingAuthority() {
        SelfInspection s = complete();
        Finding weak = s.entries().get(0).finding();
        findings.fix(operator, weak.id(), weak.version(), "已修改口令");

        SelfInspection mine = selfInspections.mine(operator, code);
        SelfInspection theirs = selfInspections.get(officer, s.workspace().id());
        for (SelfInspection view : new SelfInspection[] {mine, theirs}) {
            assertThat(view.progress()).isEqualTo(new Progress(3, 3, 1, 2, 0, 2, 1, 1));
        }
        assertThat(selfInspections.get(ministry, s.workspace().id()).progress().answered()).isEqualTo(3);
    }

    // --- submission ---------------------------------------------------------------------------

    @Test
    void aReportSubmittedBeforeTheDeadlineGoesToTheProvinceOnTime() {
        long id = complete().workspace().id();
        SelfInspection s = selfInspections.submit(operator, code);

        assertThat(s.workspace().state()).isEqualTo(WorkspaceState.SUBMITTED);
        assertThat(s.status()).isEqualTo(SubmissionStatus.SUBMITTED);
        assertThat(s.workspace().late()).isFalse();
        assertThat(s.workspace().recipientProvince()).isEqualTo(Province.HUBEI);
        assertThat(selfInspections.reviews(officer, s.workspace())).isTrue();
        assertThat(selfInspections.reviews(ministry, s.workspace())).isFalse();
        assertThat(auditEntries("selfinspection.submitted", id)).isEqualTo(1);
    }

    @Test
    void aReportSubmittedAfterTheDeadlineIsMarkedLate() {
        code = SelfInspectionFixtures.campaign(campaigns, ministry, LocalDate.now(clock).minusDays(1));
        assertThat(selfInspections.mine(operator, code).status()).isEqualTo(SubmissionStatus.OVERDUE);
        complete();
        assertThat(selfInspections.mine(operator, code).status()).isEqualTo(SubmissionStatus.OVERDUE);

        SelfInspection s = selfInspections.submit(operator, code);
        assertThat(s.workspace().late()).isTrue();
        assertThat(s.status()).isEqualTo(SubmissionStatus.SUBMITTED_LATE);
    }

    @Test
    void aReportSubmittedTwiceIsAConflictNamingItsState() {
        complete();
        SelfInspection s = selfInspections.submit(operator, code);
        assertThatThrownBy(() -> selfInspections.submit(operator, code))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("selfinspection.submit.state");
                    assertThat(e.args()).containsExactly("SUBMITTED");
                });
        assertThatThrownBy(() -> selfInspections.answer(operator, code, "D24-01", AnswerInput.of("COMPLIANT", null)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.args()).containsExactly("SUBMITTED"));
        selfInspections.accept(officer, s.workspace().id());
        assertThatThrownBy(() -> selfInspections.submit(operator, code))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.args()).containsExactly("ACCEPTED"));
        assertThatThrownBy(() -> selfInspections.accept(officer, s.workspace().id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.args()).containsExactly("ACCEPTED"));
    }

    @Test
    void submittingWithoutTheOverviewOrWithUnansweredItemsNamesTheFields() {
        selfInspections.answer(operator, code, "D24-01", AnswerInput.of("COMPLIANT", null));
        assertThatThrownBy(() -> selfInspections.submit(operator, code))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field).containsExactly("overview", "answers"));
        selfInspections.saveReport(operator, code, "   ", null);
        assertThatThrownBy(() -> selfInspections.submit(operator, code))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::code).contains("selfinspection.field.required"));
        assertThat(selfInspections.mine(operator, code).workspace().state()).isEqualTo(WorkspaceState.IN_PROGRESS);
    }

    @Test
    void submittingBeforeStartingIsAConflict() {
        assertThatThrownBy(() -> selfInspections.submit(operator, code))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("selfinspection.submit.notStarted"));
    }

    @Test
    void nothingIsAnsweredOrSubmittedAfterTheCampaignIsClosed() {
        complete();
        campaigns.close(ministry, code);
        assertThatThrownBy(() -> selfInspections.submit(operator, code))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("selfinspection.campaign.closed"));
        assertThatThrownBy(() -> selfInspections.answer(operator, code, "D24-01", AnswerInput.of("COMPLIANT", null)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("selfinspection.campaign.closed"));
        assertThat(selfInspections.mine(operator, code).editable()).isFalse();
    }

    // --- review -------------------------------------------------------------------------------

    @Test
    void theRecipientReturnsWithReasonsAndTheOperatorEditsAndResubmits() {
        code = SelfInspectionFixtures.campaign(campaigns, ministry, LocalDate.now(clock).minusDays(1));
        complete();
        long id = selfInspections.submit(operator, code).workspace().id();

        assertThatThrownBy(() -> selfInspections.returnReport(officer, id, " "))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("reason"));
        SelfInspection returned = selfInspections.returnReport(officer, id, "请补充整改计划");
        assertThat(returned.status()).isEqualTo(SubmissionStatus.RETURNED);
        assertThat(returned.workspace().returnReason()).isEqualTo("请补充整改计划");

        selfInspections.saveReport(operator, code, "补充后的工作概况", "补充整改计划");
        SelfInspection again = selfInspections.submit(operator, code);
        assertThat(again.workspace().state()).isEqualTo(WorkspaceState.SUBMITTED);
        assertThat(again.workspace().late()).isTrue();
        assertThat(auditEntries("selfinspection.returned", id)).isEqualTo(1);
        assertThat(auditEntries("selfinspection.resubmitted", id)).isEqualTo(1);
        assertThat(selfInspections.accept(officer, id).status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(auditEntries("selfinspection.accepted", id)).isEqualTo(1);
    }

    @Test
    void onlyTheRecipientReviewsAndOthersOutsideTheJurisdictionSeeNothing() {
        complete();
        long id = selfInspections.submit(operator, code).workspace().id();

        assertThatThrownBy(() -> selfInspections.accept(ministry, id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> selfInspections.accept(operator, id)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> selfInspections.accept(otherOfficer, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> selfInspections.get(otherOfficer, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> selfInspections.get(otherOperator, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> selfInspections.mine(officer, code)).isInstanceOf(NotFoundException.class);
        assertThat(selfInspections.get(operator, id).workspace().state()).isEqualTo(WorkspaceState.SUBMITTED);
    }

    @Test
    void operatorsOfTypesTheCampaignDoesNotCoverHaveNoWorkspace() {
        Actor registrar = OrganisationFixtures.actor(OrganisationFixtures.organisation(organisations,
                OrganisationType.DOMAIN_REGISTRAR, null, null), Role.OPERATOR_ADMIN);
        assertThatThrownBy(() -> selfInspections.mine(registrar, code)).isInstanceOf(NotFoundException.class);
        assertThat(selfInspections.mine(registrar)).noneMatch(s -> s.campaign().code().equals(code));
        assertThat(selfInspections.mine(operator)).anyMatch(s -> s.campaign().code().equals(code));
    }

    // --- status view and export ----------------------------------------------------------------

    @Test
    void theStatusViewListsInScopeOperatorsOfTheJurisdictionStartedOrNot() {
        complete();
        String name = company.name();
        StatusQuery byName = new StatusQuery(null, null, null, name.substring(name.indexOf(' ') + 1));
        var rows = statusView.status(officer, code, byName, PageRequest.first(20)).items();
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(SubmissionStatus.IN_PROGRESS);
            assertThat(r.answered()).isEqualTo(3);
            assertThat(r.total()).isEqualTo(3);
        });
        String otherName = organisations.findUnscoped(otherOperator.organisationId()).orElseThrow().name();
        var notStarted = statusView.status(officer, code,
                new StatusQuery(SubmissionStatus.NOT_STARTED, null, null, otherName.substring(otherName.indexOf(' ') + 1)),
                PageRequest.first(20)).items();
        assertThat(notStarted).singleElement().satisfies(r -> {
            assertThat(r.workspaceId()).isNull();
            assertThat(r.dueOn()).isEqualTo(LocalDate.now(clock).plusDays(30));
        });
        assertThat(statusView.status(otherOfficer, code, byName, PageRequest.first(20)).items()).isEmpty();
        assertThat(statusView.status(ministry, code, byName, PageRequest.first(20)).items()).hasSize(1);
        assertThat(statusView.status(officer, code, new StatusQuery(SubmissionStatus.SUBMITTED, null, null,
                name.substring(name.indexOf(' ') + 1)), PageRequest.first(20)).items()).isEmpty();
        assertThatThrownBy(() -> statusView.status(operator, code, byName, PageRequest.first(20)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void overdueAndLateShowInTheStatusView() {
        code = SelfInspectionFixtures.campaign(campaigns, ministry, LocalDate.now(clock).minusDays(1));
        complete();
        String q = company.name().substring(company.name().indexOf(' ') + 1);
        assertThat(statusView.status(officer, code, new StatusQuery(null, null, null, q), PageRequest.first(5))
                .items().get(0).status()).isEqualTo(SubmissionStatus.OVERDUE);
        selfInspections.submit(operator, code);
        assertThat(statusView.status(officer, code, new StatusQuery(null, null, null, q), PageRequest.first(5))
                .items().get(0).status()).isEqualTo(SubmissionStatus.SUBMITTED_LATE);
    }

    @Test
    void theStatusExportEscapesFormulasAndIsAudited() throws Exception {
        Organisation evil = organisations.register(OrganisationFixtures.REGISTRAR,
                new OrganisationInput("INTERNET_ENTERPRISE",
                        "=HYPERLINK(\"http://x\") " + Codes.username("o"),
                        Codes.creditCode(Province.HUBEI.code()), Province.HUBEI.code(), null,
                        null, null, null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long before = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'selfinspection.status.exported'")
                .query(Long.class).single();
        StatusQuery query = new StatusQuery(null, null, null, "HYPERLINK");
        statusView.recordExport(officer, code, query, "name", true);
        long rows;
        try (XlsxExport xlsx = new XlsxExport("status")) {
            rows = statusView.writeExport(officer, code, query, "name", true, xlsx, (key, args) -> key);
            xlsx.write(out);
        }
        assertThat(rows).isGreaterThanOrEqualTo(1);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = wb.getSheetAt(0);
            boolean found = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                String cell = sheet.getRow(r).getCell(0).getStringCellValue();
                if (cell.contains(evil.name())) {
                    assertThat(cell).startsWith("'=");
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'selfinspection.status.exported'")
                .query(Long.class).single()).isEqualTo(before + 1);
    }

    // --- the summary report ---------------------------------------------------------------------

    @Test
    void theDocxReportCarriesTheAnswersFindingsPlansAndTheOperatorsText() throws Exception {
        SelfInspection s = complete();
        Finding vuln = s.entries().get(1).finding();
        findings.mitigate(operator, vuln.id(), vuln.version(), "WAF 拦截", "升级 log4j 到 2.17", "王五",
                LocalDate.now(clock).plusDays(20).toString());
        long id = s.workspace().id();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.docx(officer, id, Locale.SIMPLIFIED_CHINESE, out);
        String text;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            text = extractor.getText();
        }
        assertThat(text).contains(company.name(), "自查工作总结报告", "本单位组织开展了网络安全自查。", "共检查网络单元一个。", "持续整改")
                .contains("检查项共 3 项，已填写 3 项：符合 1 项，不符合 2 项，不适用 0 项。")
                .contains("自查发现问题 2 个，其中尚未整改完成 2 个，已整改 0 个。")
                .contains("核心路由器默认口令", "路由器使用默认口令", "规则已在官网公布")
                .contains("CVSS 9.8", "WAF 拦截 / 升级 log4j 到 2.17", "王五", LocalDate.now(clock).plusDays(20).toString())
                .contains("弱口令", "报送对象：湖北省通信管理局");
        assertThat(auditEntries("selfinspection.report.exported", id)).isEqualTo(1);
    }

    @Test
    void thePdfReportEmbedsAChineseFontSoItsTextSurvivesWithTheCvssScore() throws Exception {
        boolean required = Boolean.getBoolean(REQUIRE_FONT);
        if (reports.pdfFont().isEmpty()) {
            if (required) {
                fail("no CJK TrueType font (fonts-wqy-microhei) is installed, but -D" + REQUIRE_FONT + "=true");
            }
            assumeTrue(false, "no CJK TrueType font installed: PDF text test skipped (set -D" + REQUIRE_FONT
                    + "=true to fail instead)");
        }
        SelfInspection s = complete();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.pdf(operator, s.workspace().id(), Locale.SIMPLIFIED_CHINESE, out);
        String text;
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            text = new PDFTextStripper().getText(pdf);
        }
        String flat = text.replaceAll("\\s+", "");
        assertThat(flat).contains("自查工作总结报告", "本单位组织开展了网络安全自查。", "核心路由器默认口令", company.name().replace(" ", ""));
        assertThat(text).contains("CVSS 9.8");
    }

    @Test
    void anEvidenceFileThatLiesAboutItsTypeIsRefusedAndDownloadsAreAuditedWithinTheJurisdiction() {
        assertThatThrownBy(() -> selfInspections.attachEvidence(operator, code, "D24-01", "a.txt",
                "hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("selfinspection.evidence.answerFirst"));
        long id = selfInspections.answer(operator, code, "D24-01", AnswerInput.of("COMPLIANT", null)).workspace().id();
        assertThatThrownBy(() -> selfInspections.attachEvidence(operator, code, "D24-01", "scan.pdf",
                "just text".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("evidence.mismatch"));
        var file = selfInspections.attachEvidence(operator, code, "D24-01", "rules.txt",
                "个人信息收集使用规则".getBytes(StandardCharsets.UTF_8));
        assertThat(file.sha256()).hasSize(64);
        assertThat(file.contentType()).startsWith("text/plain");

        var d = selfInspections.downloadEvidence(officer, id, "D24-01", file.id());
        assertThat(new String(d.content(), StandardCharsets.UTF_8)).isEqualTo("个人信息收集使用规则");
        assertThatThrownBy(() -> selfInspections.downloadEvidence(otherOfficer, id, "D24-01", file.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> selfInspections.downloadEvidence(officer, id, "PWD-01", file.id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'evidence.downloaded' AND subject = :s")
                .param("s", "evidence:" + file.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(selfInspections.mine(operator, code).entries().get(2).evidence()).hasSize(1);
    }

    @Test
    void viewingAReportIsAudited() {
        long id = complete().workspace().id();
        long before = auditEntries("selfinspection.report.viewed", id);
        selfInspections.get(ministry, id);
        assertThat(auditEntries("selfinspection.report.viewed", id)).isEqualTo(before + 1);
    }
}
