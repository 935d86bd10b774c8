package org.inspectorate.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.inspectorate.rectification.RectificationNotice.Act;
import org.inspectorate.system.ConflictException;
import org.junit.jupiter.api.Test;

/** The notice's life as a plain aggregate: every pair of states, and each act's guards and events. */
class RectificationNoticeTest {

    static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");
    static final LocalDate DEADLINE = LocalDate.parse("2026-04-01");
    static final RectificationNotice.Number NUMBER = new RectificationNotice.Number(2026, 3, "京通管网安〔2026〕3号");

    /** The one-act moves the notice's life allows, written out by hand: from → the states one act reaches. */
    static final Map<NoticeState, Set<NoticeState>> EXPECTED = Map.of(
            NoticeState.DRAFT, EnumSet.of(NoticeState.ISSUED),
            NoticeState.ISSUED, EnumSet.of(NoticeState.ISSUED, NoticeState.READ, NoticeState.REPLIED,
                    NoticeState.SUPERSEDED),
            NoticeState.READ, EnumSet.of(NoticeState.READ, NoticeState.REPLIED, NoticeState.SUPERSEDED),
            NoticeState.RETURNED, EnumSet.of(NoticeState.RETURNED, NoticeState.REPLIED, NoticeState.SUPERSEDED),
            NoticeState.REPLIED, EnumSet.of(NoticeState.REPLIED, NoticeState.VERIFYING),
            NoticeState.VERIFYING, EnumSet.of(NoticeState.VERIFYING, NoticeState.RETURNED, NoticeState.CLOSED),
            NoticeState.CLOSED, EnumSet.of(NoticeState.RETURNED),
            NoticeState.SUPERSEDED, EnumSet.noneOf(NoticeState.class));

    static RectificationNotice notice(NoticeState state, ItemState... items) {
        List<NoticeItem> list = new java.util.ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            list.add(new NoticeItem(100 + i, i + 1, 10 + i, "弱口令 " + i, "HIGH", "10.0.0." + i, items[i]));
        }
        return new RectificationNotice(1, new RectificationNotice.Issuer("110000", "北京市通信管理局"), 7, state,
                state == NoticeState.DRAFT ? null : NUMBER, List.of(LegalBasis.CSL_21), null, DEADLINE, DEADLINE,
                null, false, null, list, 0);
    }

    @Test
    void everyPairOfStatesIsAllowedExactlyWhenTheTableSaysSo() {
        for (NoticeState from : NoticeState.values()) {
            for (NoticeState to : NoticeState.values()) {
                boolean allowed = false;
                for (Act act : Act.values()) {
                    allowed |= RectificationNotice.next(from, act).filter(to::equals).isPresent();
                }
                assertThat(allowed).as(from + " -> " + to).isEqualTo(EXPECTED.get(from).contains(to));
            }
        }
    }

    @Test
    void everyActRefusedByTheTableFailsNamingTheCurrentState() {
        for (NoticeState from : NoticeState.values()) {
            RectificationNotice n = notice(from, ItemState.REPLIED, ItemState.REPLIED);
            if (!RectificationNotice.allowed(from).contains(Act.ISSUE)) {
                assertThatThrownBy(() -> n.issue(NUMBER, "officer", AT)).isInstanceOf(ConflictException.class)
                        .satisfies(e -> assertThat(((ConflictException) e).args()).contains(from.name()));
            }
            if (!RectificationNotice.allowed(from).contains(Act.REPLY)) {
                assertThatThrownBy(() -> n.reply(Map.of(), Map.of(), null, AT)).isInstanceOf(ConflictException.class)
                        .satisfies(e -> assertThat(((ConflictException) e).args()).contains(from.name()));
            }
            if (!RectificationNotice.allowed(from).contains(Act.VERIFY)) {
                assertThatThrownBy(() -> n.verify(10, true, null, "officer", AT)).isInstanceOf(ConflictException.class);
            }
            if (!RectificationNotice.allowed(from).contains(Act.SUPERSEDE)) {
                assertThatThrownBy(() -> n.supersede(2)).isInstanceOf(ConflictException.class);
            }
        }
    }

    @Test
    void issuingGivesTheNumberAndTheFirstViewIsTheReadReceiptOnce() {
        RectificationNotice n = notice(NoticeState.DRAFT, ItemState.AWAITING);
        NoticeIssued issued = n.issue(NUMBER, "officer", AT);
        assertThat(issued.number()).isEqualTo("京通管网安〔2026〕3号");
        assertThat(issued.deadline()).isEqualTo(DEADLINE);
        assertThat(n.state()).isEqualTo(NoticeState.ISSUED);

        assertThat(n.read("operator", AT)).isPresent();
        assertThat(n.state()).isEqualTo(NoticeState.READ);
        assertThat(n.read("operator", AT.plusSeconds(60))).isEmpty();
        assertThat(n.readAt()).isEqualTo(AT);
    }

    @Test
    void aReplyAnswersEveryOpenItemAndKeepsTheAccountabilityReport() {
        RectificationNotice n = notice(NoticeState.READ, ItemState.AWAITING, ItemState.AWAITING);
        ReplySubmitted r = n.reply(Map.of(10L, "改为强口令", 11L, "已打补丁"), Map.of(10L, 2),
                new RectificationNotice.Accountability("运维部", "王五", "通报批评"), AT);
        assertThat(r.items()).isEqualTo(2);
        assertThat(n.state()).isEqualTo(NoticeState.REPLIED);
        assertThat(n.items()).extracting(NoticeItem::state).containsOnly(ItemState.REPLIED);
        assertThat(n.items().get(0).evidenceCount()).isEqualTo(2);
        assertThat(n.accountability().person()).isEqualTo("王五");
    }

    @Test
    void verifyingAllAcceptedClosesTheNoticeAndARejectionReturnsIt() {
        RectificationNotice closing = notice(NoticeState.REPLIED, ItemState.REPLIED, ItemState.REPLIED);
        assertThat(closing.verify(10, true, null, "officer", AT)).hasSize(1);
        assertThat(closing.state()).isEqualTo(NoticeState.VERIFYING);
        assertThat(closing.verify(11, true, null, "officer", AT)).last().isInstanceOf(NoticeClosed.class);
        assertThat(closing.state()).isEqualTo(NoticeState.CLOSED);
        assertThat(closing.closedAt()).isEqualTo(AT);

        RectificationNotice returning = notice(NoticeState.REPLIED, ItemState.REPLIED, ItemState.REPLIED);
        returning.verify(10, false, "口令仍为默认", "officer", AT);
        assertThat(returning.verify(11, true, null, "officer", AT)).last().isInstanceOf(ReplyReturned.class);
        assertThat(returning.state()).isEqualTo(NoticeState.RETURNED);
        assertThat(returning.items().get(0).state()).isEqualTo(ItemState.REJECTED);
        assertThat(returning.items().get(0).verdictReason()).isEqualTo("口令仍为默认");
    }

    @Test
    void anItemIsVerifiedOnlyOnceItIsReplied() {
        RectificationNotice n = notice(NoticeState.REPLIED, ItemState.REPLIED, ItemState.CLOSED);
        assertThatThrownBy(() -> n.verify(11, true, null, "officer", AT)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> n.verify(99, true, null, "officer", AT)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aReopenedFindingReturnsAClosedNoticeToTheOperator() {
        RectificationNotice n = notice(NoticeState.CLOSED, ItemState.CLOSED, ItemState.CLOSED);
        assertThat(n.reopen(11, "import 9")).singleElement().isInstanceOf(ItemReopened.class);
        assertThat(n.state()).isEqualTo(NoticeState.RETURNED);
        assertThat(n.items().get(1).state()).isEqualTo(ItemState.REOPENED);
        assertThat(n.closedAt()).isNull();
        assertThat(n.reopen(10, "not closed? it is")).hasSize(1);
        assertThat(n.reopen(10, "again")).isEmpty(); // no longer closed: nothing to reopen
    }

    @Test
    void aSupersededNoticeKeepsItsItemsWhenTheirFindingIsReopened() {
        RectificationNotice n = notice(NoticeState.SUPERSEDED, ItemState.CLOSED);
        assertThat(n.reopen(10, "import")).isEmpty();
        assertThat(n.items().get(0).state()).isEqualTo(ItemState.CLOSED);
    }

    @Test
    void anExtensionIsAskedOnceAndGrantingMovesTheDeadlineButNotTheOriginal() {
        RectificationNotice n = notice(NoticeState.READ, ItemState.AWAITING);
        n.requestExtension("设备采购周期长", DEADLINE.plusDays(30), AT);
        assertThatThrownBy(() -> n.requestExtension("again", DEADLINE.plusDays(60), AT))
                .isInstanceOf(ConflictException.class).hasMessageContaining("extensionOnce");
        ExtensionDecided d = n.decideExtension(true, null, "officer", AT);
        assertThat(d.deadline()).isEqualTo(DEADLINE.plusDays(30));
        assertThat(n.deadline()).isEqualTo(DEADLINE.plusDays(30));
        assertThat(n.originalDeadline()).isEqualTo(DEADLINE);
        assertThatThrownBy(() -> n.decideExtension(false, "no", "officer", AT)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aRefusedExtensionKeepsTheDeadline() {
        RectificationNotice n = notice(NoticeState.ISSUED, ItemState.AWAITING);
        n.requestExtension("理由", DEADLINE.plusDays(10), AT);
        assertThat(n.decideExtension(false, "理由不充分", "officer", AT).granted()).isFalse();
        assertThat(n.deadline()).isEqualTo(DEADLINE);
        assertThat(n.extension().refusal()).isEqualTo("理由不充分");
    }

    @Test
    void aNoticeIsOverdueOnlyWhileItAwaitsTheReplyPastTheDeadline() {
        assertThat(notice(NoticeState.READ, ItemState.AWAITING).overdueOn(DEADLINE)).isFalse();
        assertThat(notice(NoticeState.READ, ItemState.AWAITING).overdueOn(DEADLINE.plusDays(1))).isTrue();
        assertThat(notice(NoticeState.REPLIED, ItemState.REPLIED).overdueOn(DEADLINE.plusDays(1))).isFalse();
        assertThat(notice(NoticeState.RETURNED, ItemState.REJECTED).overdueOn(DEADLINE.plusDays(1))).isTrue();
    }

    @Test
    void supersedingNamesTheSuccessor() {
        RectificationNotice n = notice(NoticeState.READ, ItemState.AWAITING);
        assertThat(n.supersede(42).supersededBy()).isEqualTo(42);
        assertThat(n.state()).isEqualTo(NoticeState.SUPERSEDED);
    }

    @Test
    void numbersUseTheAuthoritysShortName() {
        assertThat(NoticeNumbers.shortName("000000")).isEqualTo("工信网安");
        assertThat(NoticeNumbers.shortName("110000")).isEqualTo("京通管网安");
    }
}
