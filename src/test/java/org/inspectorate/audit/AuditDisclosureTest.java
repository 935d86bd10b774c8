package org.inspectorate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.support.Codes;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.PageResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The audit administrator sees who did what to which record and when, not the inspection content an
 * event's detail carries (三员分立, docs/adr/0005); and the page reads a million entries by seeking.
 */
@DatabaseTest
class AuditDisclosureTest {

    /** What an inspection event's detail says: a unit's name, an answer, a severity, a file name. */
    private static final String CONTENT = "北京某某数据中心 answer=已整改 severity=HIGH evidence=机房照片.jpg";

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditConsole console;

    @Autowired
    ApplicationEventPublisher events;

    private static Authentication auditor() {
        return OrganisationFixtures.authentication(new Actor(-1, Codes.username("aud"), 1,
                OrganisationType.MINISTRY_BUREAU, Province.BEIJING, Set.of(Role.AUDIT_ADMIN)));
    }

    @Test
    void theAuditorSeesWhoDidWhatToWhichRecordButNotTheInspectionContent() throws Exception {
        String subject = Codes.username("finding");
        events.publishEvent(new AuditTestEvents.Happened(subject, CONTENT));
        mvc.perform(get("/audit").param("subject", subject).param("lang", "en").with(authentication(auditor())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(subject)))
                .andExpect(content().string(containsString("audit-test")))
                .andExpect(content().string(containsString("test.happened")))
                .andExpect(content().string(containsString("(inspection content, not shown to the audit administrator)")))
                .andExpect(content().string(not(containsString("北京某某数据中心"))))
                .andExpect(content().string(not(containsString("severity=HIGH"))));
        String csv = mvc.perform(get("/audit/export.csv").param("subject", subject).with(authentication(auditor())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains(subject).doesNotContain("北京某某数据中心").doesNotContain("机房照片");
    }

    @Test
    void detailsAboutAccountsAndTheTrailItselfStayReadable() {
        assertThat(DetailDisclosure.shown("signin.failed")).isTrue();
        assertThat(DetailDisclosure.shown("user.disabled")).isTrue();
        assertThat(DetailDisclosure.shown("audit.exported")).isTrue();
        assertThat(DetailDisclosure.shown("finding.created")).isFalse();
        assertThat(DetailDisclosure.shown("selfinspection.answered")).isFalse();
        assertThat(DetailDisclosure.shown("evidence.uploaded")).isFalse();
        assertThat(DetailDisclosure.shown("draw.scheduled")).isFalse();
        assertThat(DetailDisclosure.shown("filing.unit.created")).isFalse();
        assertThat(DetailDisclosure.shown("someday.new")).as("an unknown family is withheld").isFalse();
    }

    @Test
    void theXlsxExportHasThePagesFiltersAndWithholdsTheContentToo() throws Exception {
        String subject = Codes.username("xlsx");
        events.publishEvent(new AuditTestEvents.Happened(subject + ":1", CONTENT));
        events.publishEvent(new AuditTestEvents.Happened(subject + ":2", CONTENT));
        byte[] file = mvc.perform(get("/audit/export.xlsx").param("subject", subject).with(authentication(auditor())))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).as("header and two entries").isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo(subject + ":2");
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).doesNotContain("北京某某数据中心");
        }
    }

    @Test
    void pagesAfterTheFirstSeekFromTheLastEntryShownAndSkipNothing() throws Exception {
        String subject = Codes.username("seek");
        for (int i = 0; i < AuditConsole.PAGE_SIZE + 5; i++) {
            events.publishEvent(new AuditTestEvents.Happened(subject + ":" + i));
        }
        AuditQuery query = new AuditQuery(null, null, null, subject, null, null);
        PageResult<AuditLine> first = console.search(query, 0, null);
        assertThat(first.items()).hasSize(AuditConsole.PAGE_SIZE);
        assertThat(first.next()).isNotNull();
        // An entry appended meanwhile does not shift the next page.
        events.publishEvent(new AuditTestEvents.Happened(subject + ":late"));
        PageResult<AuditLine> second = console.search(query, 1, first.next().token());
        assertThat(second.items()).hasSize(5);
        assertThat(second.next()).isNull();
        Set<Long> seen = new HashSet<>();
        List.of(first, second).forEach(p -> p.items().forEach(e -> assertThat(seen.add(e.seq())).isTrue()));
        assertThat(second.items().get(4).subject()).isEqualTo(subject + ":0");
        mvc.perform(get("/audit").param("subject", subject).with(authentication(auditor())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("after=")));
        mvc.perform(get("/audit").param("after", "not a cursor").with(authentication(auditor())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"audit-empty\"")));
    }
}
