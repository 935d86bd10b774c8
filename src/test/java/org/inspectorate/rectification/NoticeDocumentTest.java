package org.inspectorate.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.inspectorate.system.DocumentDocx;
import org.inspectorate.system.DocumentPdf;
import org.inspectorate.system.ReportFont;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The formal notice's content: the text extracted from the DOCX (POI) and from the PDF (PDFBox) holds the number, the
 * addressee, the findings, the basis, the deadline and the seal area, in the official order.
 */
class NoticeDocumentTest {

    static final String REQUIRE_FONT = "inspectorate.test.require-cjk-font";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    final NoticeDocument.Text text;

    NoticeDocumentTest() {
        messages.setBasenames("i18n/rectification", "i18n/finding");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        text = (key, args) -> messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    static Notice notice() {
        return new Notice(5, "630000", "青海省通信管理局", 9, "西宁云服务有限公司", NoticeState.ISSUED, "青通管网安〔2026〕7号",
                List.of(LegalBasis.CSL_21, LegalBasis.D11_11), null, LocalDate.parse("2026-04-30"),
                LocalDate.parse("2026-04-30"), false, null, false, null, "officer",
                Instant.parse("2026-03-31T16:30:00Z"), null, null, null, null, null, null,
                List.of(new Notice.Item(101, 1, "核心路由器默认口令 admin/admin", "HIGH", "10.1.1.1", ItemState.AWAITING,
                                null, null, 0, null, null, null),
                        new Notice.Item(102, 2, "门户网站 SQL 注入 CVSS 9.8", "MEDIUM", null, ItemState.AWAITING, null,
                                null, 0, null, null, null)),
                0);
    }

    @Test
    void theDocxHoldsTheNumberTheFindingsTheBasisAndTheDeadlineInTheOfficialOrder() throws Exception {
        Notice n = notice();
        byte[] docx = DocumentDocx.render(NoticeDocument.title(n, text), NoticeDocument.blocks(n, ZONE, text));
        String extracted;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            extracted = extractor.getText();
        }
        assertThat(extracted).contains("青海省通信管理局", "青通管网安〔2026〕7号", "网络安全问题整改通知书", "西宁云服务有限公司：",
                "核心路由器默认口令 admin/admin", "门户网站 SQL 注入 CVSS 9.8", "高危",
                "《中华人民共和国网络安全法》第二十一条", "第十一条", "请于 2026年4月30日 前完成整改", "问责情况报告", "（盖章）",
                "2026年4月1日"); // issued 16:30 UTC on 31 March is 1 April in Beijing
        assertThat(extracted.indexOf("青通管网安〔2026〕7号")).isLessThan(extracted.indexOf("西宁云服务有限公司："));
        assertThat(extracted.indexOf("核心路由器")).isLessThan(extracted.indexOf("依据："));
        assertThat(extracted.indexOf("请于")).isLessThan(extracted.indexOf("（盖章）"));
    }

    @Test
    void thePdfEmbedsTheChineseFontSoTheNumberFindingsAndDeadlineSurvive() throws Exception {
        Optional<Path> font = ReportFont.locate(null);
        if (font.isEmpty()) {
            if (Boolean.getBoolean(REQUIRE_FONT)) {
                fail("no CJK TrueType font (fonts-wqy-microhei) is installed, but -D" + REQUIRE_FONT + "=true");
            }
            assumeTrue(false, "no CJK TrueType font installed: PDF text test skipped");
        }
        Notice n = notice();
        byte[] pdf = DocumentPdf.render(NoticeDocument.title(n, text), NoticeDocument.blocks(n, ZONE, text), font.get());
        String extracted;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            extracted = new PDFTextStripper().getText(doc);
        }
        String flat = extracted.replaceAll("\\s+", "");
        assertThat(flat).contains("青通管网安〔2026〕7号", "网络安全问题整改通知书", "核心路由器默认口令admin/admin",
                "请于2026年4月30日前完成整改", "（盖章）", "青海省通信管理局");
        assertThat(extracted).contains("CVSS 9.8");
    }

    @Test
    void aFollowUpNoticeStatesTheConsequenceUnderArticle22() {
        Notice n = notice();
        Notice followUp = new Notice(6, n.authorityCode(), n.authorityName(), n.operatorId(), n.operatorName(),
                NoticeState.DRAFT, null, List.of(LegalBasis.D11_22), null, n.deadline(), n.deadline(), false, 5L,
                true, null, null, null, null, null, null, null, null, null, n.items(), 0);
        String all = NoticeDocument.blocks(followUp, ZONE, text).toString();
        assertThat(all).contains("第二十二条", "五千元以上三万元以下", "（草稿，未编号）", "（未签发）");
    }
}
