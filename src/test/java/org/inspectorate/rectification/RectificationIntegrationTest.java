package org.inspectorate.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.finding.FindingStatus;
import org.inspectorate.finding.Findings;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Province;
import org.inspectorate.support.DatabaseTest;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Notices on a real database: issue, read, reply, verify through the register, reopen, overdue, numbering. */
@DatabaseTest
class RectificationIntegrationTest {

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
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    RectificationFixture f;

    @BeforeEach
    void setUp() {
        f = new RectificationFixture(organisations, units, findings, clock, Province.QINGHAI, Province.TIBET);
    }

    private Notice issued(List<Long> ids) {
        return notices.issue(f.officer, notices.draft(f.officer, f.draft(ids)).id());
    }

    private NoticeReply reply(Map<Long, String> answers) {
        return new NoticeReply(answers, List.of(), "运维部", "王五", "通报批评并扣减绩效");
    }

    private static Set<String> fields(InvalidInputException e) {
        return e.problems().stream().map(InvalidInputException.FieldProblem::field).collect(Collectors.toSet());
    }

    @Test
    void theLoopClosesWhenEveryItemIsAcceptedAndTheFindingsAreClosedInTheRegister() {
        List<Long> ids = f.findings(3);
        Notice n = issued(ids);
        assertThat(n.number()).matches("青通管网安〔" + f.today().getYear() + "〕\\d+号");
        assertThat(n.state()).isEqualTo(NoticeState.ISSUED);

        Notice read = notices.view(f.operator, n.id());
        assertThat(read.state()).isEqualTo(NoticeState.READ);
        assertThat(read.readBy()).isEqualTo(f.operator.username());
        assertThat(notices.view(f.officer, n.id()).readAt()).isEqualTo(read.readAt()); // an officer's view is no receipt

        replies.reply(f.operator, n.id(), reply(Map.of(ids.get(0), "已修改口令", ids.get(1), "已修改口令",
                ids.get(2), "已修改口令")));
        assertThat(findings.get(f.operator, ids.get(0)).status()).isEqualTo(FindingStatus.FIXED);

        replies.verify(f.officer, n.id(), ids.get(0), true, null);
        replies.verify(f.officer, n.id(), ids.get(1), true, "复测通过");
        Notice returned = replies.verify(f.officer, n.id(), ids.get(2), false, "仍可使用默认口令登录");
        assertThat(returned.state()).isEqualTo(NoticeState.RETURNED);
        assertThat(returned.items()).extracting(Notice.Item::state)
                .containsExactly(ItemState.CLOSED, ItemState.CLOSED, ItemState.REJECTED);
        assertThat(findings.get(f.officer, ids.get(0)).status()).isEqualTo(FindingStatus.CLOSED);

        replies.reply(f.operator, n.id(), reply(Map.of(ids.get(2), "已禁用默认账户")));
        Notice closed = replies.verify(f.officer, n.id(), ids.get(2), true, null);
        assertThat(closed.state()).isEqualTo(NoticeState.CLOSED);
        assertThat(findings.get(f.officer, ids.get(2)).status()).isEqualTo(FindingStatus.CLOSED);

        assertThatThrownBy(() -> replies.reply(f.operator, n.id(), reply(Map.of())))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).args()).contains("CLOSED"));
    }

    @Test
    void aReopenedFindingReopensTheItemOfItsClosedNotice() {
        List<Long> ids = f.findings(1);
        Notice n = issued(ids);
        replies.reply(f.operator, n.id(), reply(Map.of(ids.get(0), "已修复")));
        replies.verify(f.officer, n.id(), ids.get(0), true, null);
        int version = findings.get(f.officer, ids.get(0)).version();

        findings.reopen(f.officer, ids.get(0), version, "复查仍发现该问题");

        Notice reopened = notices.get(f.officer, n.id());
        assertThat(reopened.state()).isEqualTo(NoticeState.RETURNED);
        assertThat(reopened.items().get(0).state()).isEqualTo(ItemState.REOPENED);
    }

    @Test
    void aNoticeNeedsFindingsADeadlineAndABasisAndSavesNothingOtherwise() {
        long before = count();
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> notices.draft(f.officer, new NoticeDraft(List.of(), List.of(), null, null)));
        assertThat(fields(e)).containsExactlyInAnyOrder("findingIds", "basis", "deadline");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void findingsOfTwoOperatorsOrOutsideTheAreaAreRefused() {
        List<Long> ids = f.findings(1);
        long other = f.otherOperatorsFinding();
        InvalidInputException twoOperators = org.junit.jupiter.api.Assertions.assertThrows(
                InvalidInputException.class, () -> notices.draft(f.officer, f.draft(List.of(ids.get(0), other))));
        assertThat(twoOperators.problems().get(0).code()).isEqualTo("rectification.findings.oneOperator");

        InvalidInputException outside = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> notices.draft(f.otherOfficer, f.draft(ids)));
        assertThat(outside.problems().get(0).code()).isEqualTo("rectification.findings.notFound");
    }

    @Test
    void aFindingIsUnderOneNoticeInForceAtATime() {
        List<Long> ids = f.findings(1);
        issued(ids);
        assertThatThrownBy(() -> notices.draft(f.officer, f.draft(ids))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("findingIds");
    }

    @Test
    void anotherProvinceNeitherSeesNorVerifiesTheNoticeAndOperatorsDoNotVerify() {
        List<Long> ids = f.findings(1);
        Notice n = issued(ids);
        replies.reply(f.operator, n.id(), reply(Map.of(ids.get(0), "已修复")));
        assertThatThrownBy(() -> replies.verify(f.otherOfficer, n.id(), ids.get(0), true, null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> notices.view(f.otherOperator, n.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> replies.verify(f.operator, n.id(), ids.get(0), true, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> replies.verify(f.ministry, n.id(), ids.get(0), true, null))
                .isInstanceOf(AccessDeniedException.class); // the Ministry sees it, the province verifies it
    }

    @Test
    void anOperatorNeverSeesADraft() {
        Notice draft = notices.draft(f.officer, f.draft(f.findings(1)));
        assertThatThrownBy(() -> notices.view(f.operator, draft.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSecondExtensionRequestIsRefusedAndAGrantMovesTheDeadline() {
        Notice n = issued(f.findings(1));
        replies.requestExtension(f.operator, n.id(), "需采购设备", n.deadline().plusDays(20));
        assertThatThrownBy(() -> replies.requestExtension(f.operator, n.id(), "再次申请", n.deadline().plusDays(40)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("extensionOnce");
        Notice granted = replies.decideExtension(f.officer, n.id(), true, null);
        assertThat(granted.deadline()).isEqualTo(n.deadline().plusDays(20));
        assertThat(granted.originalDeadline()).isEqualTo(n.deadline());
    }

    @Test
    void aReplyMustAnswerEveryItemAndCarryTheAccountabilityReport() {
        List<Long> ids = f.findings(2);
        Notice n = issued(ids);
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> replies.reply(f.operator, n.id(), new NoticeReply(Map.of(ids.get(0), "已修复"), List.of(), "",
                        null, " ")));
        assertThat(fields(e)).containsExactlyInAnyOrder("answer-" + ids.get(1), "department", "person", "measure");
        assertThat(notices.get(f.operator, n.id()).state()).isEqualTo(NoticeState.ISSUED);
        assertThat(findings.get(f.operator, ids.get(0)).status()).isEqualTo(FindingStatus.OPEN);
    }

    @Test
    void overdueNoticesAreListedForTheProvinceAndTheMinistryAndFollowedUpCitingArticle22() {
        Notice n = issued(f.findings(1));
        jdbc.sql("UPDATE rectification_notice SET deadline = :d WHERE id = :id")
                .param("d", java.sql.Date.valueOf(f.today().minusDays(1))).param("id", n.id()).update();
        NoticeFilter overdue = new NoticeFilter(null, true, null);
        assertThat(notices.list(f.officer, overdue, PageRequest.first(200)).items()).extracting(NoticeSummary::id)
                .contains(n.id());
        assertThat(notices.list(f.ministry, overdue, PageRequest.first(200)).items().stream()
                .anyMatch(s -> s.id() == n.id() && s.overdue())).isTrue();
        assertThat(notices.list(f.otherOfficer, overdue, PageRequest.first(200)).items()).extracting(NoticeSummary::id)
                .doesNotContain(n.id());
        assertThat(notices.dueOnOrBefore(f.today(), 1000)).extracting(DueNotice::noticeId).contains(n.id());

        Notice followUp = notices.followUp(f.officer, n.id(), f.today().plusDays(15), null);
        assertThat(followUp.basis()).contains(LegalBasis.D11_22);
        assertThat(followUp.followUp()).isTrue();
        Notice issuedFollowUp = notices.issue(f.officer, followUp.id());
        assertThat(issuedFollowUp.supersedesId()).isEqualTo(n.id());
        assertThat(notices.get(f.officer, n.id()).state()).isEqualTo(NoticeState.SUPERSEDED);
    }

    @Test
    void twoOfficersIssuingAtOnceGetConsecutiveNumbersWithoutDuplicates() throws Exception {
        Notice a = notices.draft(f.officer, f.draft(f.findings(1)));
        Notice b = notices.draft(f.officer, f.draft(f.findings(1)));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Notice>> jobs = List.of(a, b).stream().map(d -> (Callable<Notice>) () -> {
                start.await();
                return notices.issue(f.officer, d.id());
            }).toList();
            List<Future<Notice>> futures = jobs.stream().map(pool::submit).toList();
            start.countDown();
            List<Integer> seqs = new java.util.ArrayList<>();
            for (Future<Notice> future : futures) {
                String number = future.get().number();
                seqs.add(Integer.parseInt(number.substring(number.indexOf('〕') + 1, number.length() - 1)));
            }
            assertThat(seqs).doesNotHaveDuplicates();
            assertThat(Math.abs(seqs.get(0) - seqs.get(1))).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM rectification_notice").query(Long.class).single();
    }
}
