package org.inspectorate.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.finding.Findings;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.OrganisationFixtures;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/** The pages and the API of notices through MockMvc: lists, the notice page, read receipt, errors, 404, downloads. */
@DatabaseTest
class RectificationWebIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    RectificationNotices notices;
    @Autowired
    NoticeReplies replies;
    @Autowired
    Findings findings;
    @Autowired
    NetworkUnits units;
    @Autowired
    Organisations organisations;
    @Autowired
    Clock clock;

    RectificationFixture f;

    @BeforeEach
    void setUp() {
        f = new RectificationFixture(organisations, units, findings, clock, Province.GUIZHOU, Province.YUNNAN);
    }

    private ResultActions as(Actor actor, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(authentication(OrganisationFixtures.authentication(actor))));
    }

    private Notice issued(int findingCount) {
        return notices.issue(f.officer, notices.draft(f.officer, f.draft(f.findings(findingCount))).id());
    }

    @Test
    void anOperatorWithoutNoticesSeesTheEmptyState() throws Exception {
        as(f.otherOperator, get("/rectification-notices")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"rectification-empty\"")));
    }

    @Test
    void theOfficersListShowsTheNoticeAndItsExportCarriesTheFilter() throws Exception {
        Notice n = issued(1);
        as(f.officer, get("/rectification-notices").param("q", n.number())).andExpect(status().isOk())
                .andExpect(content().string(containsString(n.number())))
                .andExpect(content().string(containsString("/rectification-notices/export.csv?q=")));
        as(f.officer, get("/rectification-notices/export.csv").param("q", n.number())).andExpect(status().isOk())
                .andExpect(content().string(containsString(n.number())));
    }

    @Test
    void theOperatorsFirstViewOfTheNoticePageIsTheReadReceipt() throws Exception {
        Notice n = issued(2);
        as(f.operator, get("/rectification-notices/" + n.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString(n.number())))
                .andExpect(content().string(containsString("id=\"rectification-item-" + n.items().get(1).findingId())))
                .andExpect(content().string(containsString("id=\"rectification-submit-reply\"")))
                .andExpect(content().string(not(containsString("id=\"rectification-verification\""))));
        as(f.officer, get("/api/v1/rectification-notices/" + n.id())).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("READ"))
                .andExpect(jsonPath("$.readBy").value(f.operator.username()));
    }

    @Test
    void aForeignNoticeIsNotFoundOnThePageTheApiAndTheDocument() throws Exception {
        Notice n = issued(1);
        as(f.otherOfficer, get("/rectification-notices/" + n.id())).andExpect(status().isNotFound());
        as(f.otherOperator, get("/api/v1/rectification-notices/" + n.id())).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        as(f.otherOperator, get("/rectification-notices/" + n.id() + "/document.docx"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aDraftWithoutFindingsOrDeadlineIsA400NamingTheFields() throws Exception {
        as(f.officer, post("/api/v1/rectification-notices").contentType(MediaType.APPLICATION_JSON)
                .content("{\"findingIds\":[],\"basis\":[\"CSL_21\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("findingIds")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("deadline")));
    }

    @Test
    void theDraftFormShowsEachProblemBesideItsField() throws Exception {
        as(f.officer, post("/rectification-notices").with(csrf()).param("findingIds", "abc"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"findingIds-error\"")));
        as(f.officer, post("/rectification-notices").with(csrf()).param("findingIds", "")
                .param("deadline", "2020-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"basis-error\"")))
                .andExpect(content().string(containsString("id=\"deadline-error\"")));
    }

    @Test
    void anOfficerDraftsAndIssuesThroughThePages() throws Exception {
        List<Long> ids = f.findings(1);
        String location = as(f.officer, post("/rectification-notices").with(csrf()).param("findingIds", ids.get(0) + "")
                .param("basis", "CSL_21").param("deadline", f.today().plusDays(20).toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        as(f.officer, post(location + "/issue").with(csrf())).andExpect(redirectedUrl(location));
        as(f.officer, get(location)).andExpect(status().isOk())
                .andExpect(content().string(containsString("黔通管网安〔")));
    }

    @Test
    void anIncompleteReplyOnThePageKeepsWhatWasTypedAndNamesTheMissingFields() throws Exception {
        Notice n = issued(1);
        long finding = n.items().get(0).findingId();
        as(f.operator, multipart("/rectification-notices/" + n.id() + "/reply").with(csrf())
                .param("answer-" + finding, "已修改口令"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"department-error\"")))
                .andExpect(content().string(containsString("已修改口令")));
        as(f.operator, multipart("/rectification-notices/" + n.id() + "/reply").with(csrf())
                .param("answer-" + finding, "已修改口令").param("department", "运维部").param("person", "王五")
                .param("measure", "通报批评"))
                .andExpect(redirectedUrl("/rectification-notices/" + n.id()));
        as(f.officer, get("/rectification-notices/" + n.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"accept-" + finding + "\"")));
    }

    @Test
    void aReturnedNoticeIsRepliedToOnThePageWithAnAnswerOnlyForTheItemSentBack() throws Exception {
        Notice n = issued(2);
        long kept = n.items().get(0).findingId();
        long sentBack = n.items().get(1).findingId();
        replies.reply(f.operator, n.id(), new NoticeReply(Map.of(kept, "已修改口令", sentBack, "已修改口令"), List.of(),
                "运维部", "王五", "通报批评"));
        replies.verify(f.officer, n.id(), kept, true, null);
        replies.verify(f.officer, n.id(), sentBack, false, "仍可登录");

        as(f.operator, multipart("/rectification-notices/" + n.id() + "/reply").with(csrf())
                .param("answer-" + sentBack, "已启用登录失败锁定").param("department", "运维部").param("person", "王五")
                .param("measure", "通报批评"))
                .andExpect(redirectedUrl("/rectification-notices/" + n.id()));
        assertThat(notices.get(f.officer, n.id()).state()).isEqualTo(NoticeState.REPLIED);
    }

    @Test
    void theDocxDownloadIsAWordFile() throws Exception {
        Notice n = issued(1);
        as(f.operator, get("/api/v1/rectification-notices/" + n.id() + "/document.docx")).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("rectification-notice-" + n.id())))
                .andExpect(content().contentType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    }
}
