package org.inspectorate.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The on-site notice (现场告知): told once, then acknowledged with a name or refused with a reason, once. */
class OnSiteNoticeTest {

    static final Instant AT = Instant.parse("2026-12-08T03:00:00Z");

    static CheckFinding finding(NoticeState state) {
        return new CheckFinding(5, 7, InspectionMethod.INTERVIEW, null, "弱口令", "HIGH", 1000, "inspector", AT, state,
                null, null, null, null, null, null, null, null, null, 100, "110000", null, null, null);
    }

    static NoticeState perform(NoticeState from, OnSiteNotice.Act act) {
        OnSiteNotice notice = new OnSiteNotice(finding(from));
        switch (act) {
            case TELL -> notice.tell(InspectionMethod.INTERVIEW, AT);
            case ACKNOWLEDGE -> notice.acknowledge("王五");
            case REFUSE -> notice.refuse("不认可检测结论");
        }
        return notice.state();
    }

    @Test
    void everyPairOfStatesIsEitherAMoveOfTheTableOrRefused() {
        NoticeState[] states = { null, NoticeState.TOLD, NoticeState.ACKNOWLEDGED, NoticeState.REFUSED };
        for (NoticeState from : states) {
            for (OnSiteNotice.Act act : OnSiteNotice.Act.values()) {
                NoticeState expected = from == null ? (act == OnSiteNotice.Act.TELL ? NoticeState.TOLD : null)
                        : OnSiteNotice.MOVES.get(from).get(act);
                if (expected == null) {
                    assertThatThrownBy(() -> perform(from, act)).as("%s from %s", act, from)
                            .isInstanceOf(ConflictException.class);
                } else {
                    assertThat(perform(from, act)).as("%s from %s", act, from).isEqualTo(expected);
                }
            }
        }
        assertThat(OnSiteNotice.MOVES.get(NoticeState.TOLD)).containsOnlyKeys(OnSiteNotice.Act.ACKNOWLEDGE,
                OnSiteNotice.Act.REFUSE);
    }

    @Test
    void anAcknowledgementNeedsTheSignatorysNameAndARefusalItsReason() {
        OnSiteNotice notice = new OnSiteNotice(finding(NoticeState.TOLD));
        assertThatThrownBy(() -> notice.acknowledge(" ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> notice.refuse(null)).isInstanceOf(InvalidInputException.class);
        assertThat(notice.state()).isEqualTo(NoticeState.TOLD);
        assertThat(notice.acknowledge(" 王五 ").name()).isEqualTo("王五");
    }
}
