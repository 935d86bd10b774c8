package org.inspectorate.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.inspectorate.finding.Category;
import org.inspectorate.finding.Severity;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The data request's transition table, walked for every state and act, and the rules of each act. */
class DataRequestLifecycleTest {

    private static final Instant AT = Instant.parse("2026-06-15T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-06-15");
    private static final long REQUESTER = 11;
    private static final long OFFICER = 22;
    private static final DataScope ASKED = new DataScope(true, true, false, Set.of(Category.WEAK_PASSWORD,
            Category.VULNERABILITY), Set.of());

    /** The expected table: state → act → next state; a missing act is refused. */
    private static final Map<DataRequestState, Map<DataRequest.Act, DataRequestState>> EXPECTED = Map.of(
            DataRequestState.DRAFT, Map.of(DataRequest.Act.SUBMIT, DataRequestState.SUBMITTED),
            DataRequestState.SUBMITTED, Map.of(DataRequest.Act.APPROVE, DataRequestState.APPROVED,
                    DataRequest.Act.REFUSE, DataRequestState.REFUSED, DataRequest.Act.PROVIDE,
                    DataRequestState.PROVIDED),
            DataRequestState.APPROVED, Map.of(DataRequest.Act.REVOKE, DataRequestState.REVOKED,
                    DataRequest.Act.EXPIRE, DataRequestState.EXPIRED, DataRequest.Act.MARK_SHARED,
                    DataRequestState.SHARED),
            DataRequestState.REFUSED, Map.of(), DataRequestState.PROVIDED, Map.of(),
            DataRequestState.REVOKED, Map.of(), DataRequestState.EXPIRED, Map.of(),
            DataRequestState.SHARED, Map.of());

    static DataRequest in(DataRequestState state, Channel channel, LocalDate grantedUntil) {
        return new DataRequest(7, new DataRequest.Parties(channel, 1, REQUESTER, "gongan", "某市公安局", 2, "110000"),
                new DataRequest.Ask("案件侦办", "《网络安全法》第二十八条", ASKED, TODAY.minusDays(90), TODAY,
                        TODAY.plusDays(30)),
                state, state == DataRequestState.APPROVED ? ASKED : null,
                state == DataRequestState.APPROVED ? grantedUntil : null,
                null, null, null, null, null, null, null, null, null, AT, 0);
    }

    private static Object act(DataRequest r, DataRequest.Act act) {
        return switch (act) {
            case SUBMIT -> r.submit(AT);
            case APPROVE -> r.approve(OFFICER, "beijing", ASKED, TODAY.plusDays(10), TODAY, AT);
            case REFUSE -> r.refuse(OFFICER, "beijing", "超出案件所需", AT);
            case PROVIDE -> r.provide(OFFICER, "beijing", AT);
            case REVOKE -> r.revoke("beijing", "案件已结", AT);
            case EXPIRE -> r.expire(TODAY);
            case MARK_SHARED -> r.markShared(TODAY, AT);
        };
    }

    @Test
    void everyStateAndActFollowsTheTableAndARefusalNamesTheCurrentState() {
        for (DataRequestState from : DataRequestState.values()) {
            for (DataRequest.Act act : DataRequest.Act.values()) {
                DataRequestState to = EXPECTED.get(from).get(act);
                // a grant that has ended may expire; one still running may be shared
                DataRequest r = in(from, Channel.OPERATOR_RECORDED,
                        act == DataRequest.Act.EXPIRE ? TODAY.minusDays(1) : TODAY.plusDays(5));
                assertThat(DataRequest.next(from, act)).as("%s --%s-->", from, act).isEqualTo(Optional.ofNullable(to));
                if (to == null) {
                    assertThatThrownBy(() -> act(r, act)).as("%s --%s-->", from, act)
                            .isInstanceOfSatisfying(ConflictException.class, e -> {
                                assertThat(e.code()).isEqualTo("sharing.conflict.state");
                                assertThat(e.args()).containsExactly(act.name(), from.name());
                            });
                    assertThat(r.state()).isEqualTo(from);
                } else {
                    assertThat(act(r, act)).isNotNull();
                    assertThat(r.state()).as("%s --%s-->", from, act).isEqualTo(to);
                }
            }
        }
    }

    @Test
    void anApprovalMayNarrowTheScopeButNeverWidenIt() {
        DataRequest r = in(DataRequestState.SUBMITTED, Channel.DEPARTMENT, null);
        DataScope wider = new DataScope(true, true, true, Set.of(Category.WEAK_PASSWORD), Set.of());
        assertThatThrownBy(() -> r.approve(OFFICER, "beijing", wider, TODAY.plusDays(10), TODAY, AT))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("sharing.approve.wider"));
        DataScope otherCategory = new DataScope(false, true, false, Set.of(Category.MISCONFIGURATION), Set.of());
        assertThatThrownBy(() -> r.approve(OFFICER, "beijing", otherCategory, TODAY.plusDays(10), TODAY, AT))
                .isInstanceOf(InvalidInputException.class);
        assertThat(r.state()).isEqualTo(DataRequestState.SUBMITTED);

        DataScope narrowed = new DataScope(false, true, false, Set.of(Category.WEAK_PASSWORD), Set.of(Severity.HIGH));
        DataRequestDecided decided = r.approve(OFFICER, "beijing", narrowed, TODAY.plusDays(10), TODAY, AT);
        assertThat(r.granted()).isEqualTo(narrowed);
        assertThat(r.grantedUntil()).isEqualTo(TODAY.plusDays(10));
        assertThat(decided.action()).isEqualTo("sharing.request.decided");
        assertThat(decided.detail()).contains("APPROVED", "WEAK_PASSWORD", "2026-06-25");
    }

    @Test
    void anApprovalCannotOutlastTheDateAskedForNorEndInThePast() {
        DataRequest r = in(DataRequestState.SUBMITTED, Channel.DEPARTMENT, null);
        assertThatThrownBy(() -> r.approve(OFFICER, "beijing", ASKED, TODAY.plusDays(31), TODAY, AT))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> r.approve(OFFICER, "beijing", ASKED, TODAY.minusDays(1), TODAY, AT))
                .isInstanceOf(InvalidInputException.class);
        assertThat(r.state()).isEqualTo(DataRequestState.SUBMITTED);
    }

    @Test
    void nobodyDecidesTheirOwnRequest() {
        DataRequest r = in(DataRequestState.SUBMITTED, Channel.DEPARTMENT, null);
        assertThatThrownBy(() -> r.approve(REQUESTER, "gongan", ASKED, TODAY.plusDays(10), TODAY, AT))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("sharing.conflict.ownRequest"));
        assertThatThrownBy(() -> r.refuse(REQUESTER, "gongan", "no", AT)).isInstanceOf(ConflictException.class);
        assertThat(r.state()).isEqualTo(DataRequestState.SUBMITTED);
    }

    @Test
    void aRefusalNeedsReasonsAndARevocationAReason() {
        DataRequest submitted = in(DataRequestState.SUBMITTED, Channel.DEPARTMENT, null);
        assertThatThrownBy(() -> submitted.refuse(OFFICER, "beijing", " ", AT))
                .isInstanceOf(InvalidInputException.class);
        DataRequest approved = in(DataRequestState.APPROVED, Channel.DEPARTMENT, TODAY.plusDays(3));
        assertThatThrownBy(() -> approved.revoke("beijing", null, AT)).isInstanceOf(InvalidInputException.class);
        assertThat(approved.state()).isEqualTo(DataRequestState.APPROVED);
    }

    @Test
    void onlyARecordedRequestIsMarkedSharedAndOnlyWhileItsConsentRuns() {
        DataRequest department = in(DataRequestState.APPROVED, Channel.DEPARTMENT, TODAY.plusDays(3));
        assertThatThrownBy(() -> department.markShared(TODAY, AT)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("sharing.conflict.notRecorded"));
        DataRequest ended = in(DataRequestState.APPROVED, Channel.OPERATOR_RECORDED, TODAY.minusDays(1));
        assertThatThrownBy(() -> ended.markShared(TODAY, AT)).isInstanceOf(ConflictException.class);
        DataRequest waiting = in(DataRequestState.SUBMITTED, Channel.OPERATOR_RECORDED, null);
        assertThatThrownBy(() -> waiting.markShared(TODAY, AT)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aGrantPastItsEndDateShowsExpiredBeforeTheSweepAndCannotExpireEarly() {
        DataRequest running = in(DataRequestState.APPROVED, Channel.DEPARTMENT, TODAY);
        assertThat(running.stateOn(TODAY)).isEqualTo(DataRequestState.APPROVED);
        assertThat(running.stateOn(TODAY.plusDays(1))).isEqualTo(DataRequestState.EXPIRED);
        assertThatThrownBy(() -> running.expire(TODAY)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("sharing.conflict.notDue"));
    }
}
