package org.inspectorate.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.inspectorate.system.AuditableEvent;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.junit.jupiter.api.Test;

class FindingLifecycleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final Instant AT = Instant.parse("2026-11-26T08:00:00Z");

    private static final Map<FindingStatus, Set<FindingStatus>> EXPECTED = Map.of(
            FindingStatus.OPEN, EnumSet.of(FindingStatus.FIXED, FindingStatus.MITIGATED, FindingStatus.SUPPRESSED),
            FindingStatus.REOPENED, EnumSet.of(FindingStatus.FIXED, FindingStatus.MITIGATED, FindingStatus.SUPPRESSED),
            FindingStatus.FIXED, EnumSet.of(FindingStatus.VERIFIED),
            FindingStatus.MITIGATED, EnumSet.of(FindingStatus.VERIFIED, FindingStatus.SUPPRESSED),
            FindingStatus.VERIFIED, EnumSet.of(FindingStatus.CLOSED, FindingStatus.REOPENED),
            FindingStatus.CLOSED, EnumSet.of(FindingStatus.REOPENED),
            FindingStatus.SUPPRESSED, EnumSet.of(FindingStatus.REOPENED));

    /** Takes the step to {@code to} with complete input, as the service would. */
    private static void step(FindingStatus from, FindingStatus to) {
        FindingLifecycle finding = FindingLifecycle.at(1, from);
        switch (to) {
            case FIXED -> finding.fix("patched");
            case MITIGATED -> finding.mitigate("blocked port", "upgrade", "王五", "2026-12-31", TODAY);
            case VERIFIED -> finding.verify(null, "reviewer", AT);
            case CLOSED -> finding.close(null, AT);
            case REOPENED -> finding.reopen("still seen");
            case SUPPRESSED -> finding.suppress("accepted risk");
            default -> FindingLifecycle.require(from, to);
        }
    }

    @Test
    void everyLegalPairIsAllowedAndEveryOtherPairIsAConflictNamingTheCurrentStatus() {
        int legal = 0;
        int illegal = 0;
        for (FindingStatus from : FindingStatus.values()) {
            for (FindingStatus to : FindingStatus.values()) {
                if (EXPECTED.get(from).contains(to)) {
                    step(from, to);
                    assertThat(FindingLifecycle.allowed(from, to)).as(from + "->" + to).isTrue();
                    legal++;
                } else {
                    assertThatThrownBy(() -> step(from, to)).as(from + "->" + to)
                            .isInstanceOfSatisfying(ConflictException.class, e -> {
                                assertThat(e.code()).isEqualTo("finding.conflict.to" + to.name());
                                assertThat(e.args()).containsExactly(from.name());
                            });
                    illegal++;
                }
            }
        }
        assertThat(legal).isEqualTo(13);
        assertThat(illegal).isEqualTo(36);
    }

    @Test
    void nextStepsListExactlyTheLegalTargets() {
        for (FindingStatus from : FindingStatus.values()) {
            assertThat(FindingLifecycle.next(from)).containsExactlyInAnyOrderElementsOf(EXPECTED.get(from));
        }
    }

    @Test
    void aReopenedFindingBehavesLikeAnOpenOne() {
        assertThat(FindingLifecycle.next(FindingStatus.REOPENED)).isEqualTo(FindingLifecycle.next(FindingStatus.OPEN));
    }

    @Test
    void mitigationWithoutPlanOwnerOrDueDateNamesEachMissingField() {
        assertThatThrownBy(() -> FindingLifecycle.at(1, FindingStatus.OPEN).mitigate("blocked", " ", null, "", TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field)
                        .containsExactly("plan", "planOwner", "planDueOn"));
    }

    @Test
    void mitigationDueDateMustBeARealDateNotInThePast() {
        assertThatThrownBy(() -> FindingLifecycle.at(1, FindingStatus.OPEN).mitigate("m", "p", "o", "2018-09-31", TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("finding.field.date"));
        assertThatThrownBy(() -> FindingLifecycle.at(1, FindingStatus.OPEN).mitigate("m", "p", "o", "2026-11-25", TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("finding.field.pastDate"));
        assertThat(FindingLifecycle.at(1, FindingStatus.REOPENED).mitigate("m", "p", "o", "2026-11-26", TODAY).plan().dueOn())
                .isEqualTo(TODAY);
    }

    @Test
    void fixingNeedsWhatWasDoneAndReopeningNeedsAReason() {
        assertThatThrownBy(() -> FindingLifecycle.at(1, FindingStatus.OPEN).fix("  "))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("fixNote"));
        assertThatThrownBy(() -> FindingLifecycle.at(1, FindingStatus.CLOSED).reopen(null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("reason"));
    }

    @Test
    void theStateIsCheckedBeforeTheInput() {
        assertThatThrownBy(() -> FindingLifecycle.at(1, FindingStatus.CLOSED).mitigate(null, null, null, null, TODAY))
                .isInstanceOf(ConflictException.class);
    }

    /** Takes the step to {@code to} with complete input and answers the event it returned. */
    private static AuditableEvent take(FindingLifecycle finding, FindingStatus to) {
        return switch (to) {
            case FIXED -> finding.fix("patched");
            case MITIGATED -> finding.mitigate("blocked port", "upgrade", "王五", "2026-12-31", TODAY);
            case VERIFIED -> finding.verify("checked", "reviewer", AT);
            case CLOSED -> finding.close(null, AT);
            case REOPENED -> finding.reopen("still seen");
            case SUPPRESSED -> finding.suppress("accepted risk");
            default -> throw new AssertionError(to);
        };
    }

    private static final Map<FindingStatus, String> ACTIONS = Map.of(FindingStatus.FIXED, "finding.fixed",
            FindingStatus.MITIGATED, "finding.mitigated", FindingStatus.VERIFIED, "finding.verified",
            FindingStatus.CLOSED, "finding.closed", FindingStatus.REOPENED, "finding.reopened",
            FindingStatus.SUPPRESSED, "finding.suppressed");

    @Test
    void everyLegalStepMovesToItsStatusReturnsItsTypedEventAndNotesOneHistoryLine() {
        for (FindingStatus from : FindingStatus.values()) {
            for (FindingStatus to : EXPECTED.get(from)) {
                FindingLifecycle finding = FindingLifecycle.at(7, from);
                AuditableEvent event = take(finding, to);
                assertThat(finding.status()).as(from + "->" + to).isEqualTo(to);
                assertThat(event.action()).as(from + "->" + to).isEqualTo(ACTIONS.get(to));
                assertThat(event.subject()).isEqualTo("finding:7");
                assertThat(event.detail()).isEqualTo(from + " -> " + to);
                assertThat(finding.history()).as(from + "->" + to).singleElement().satisfies(line -> {
                    assertThat(line.action()).isEqualTo(to.name().toLowerCase(Locale.ROOT));
                    assertThat(line.from()).isEqualTo(from);
                    assertThat(line.to()).isEqualTo(to);
                });
            }
        }
    }

    @Test
    void aRefusedStepChangesNothing() {
        for (FindingStatus from : FindingStatus.values()) {
            for (FindingStatus to : ACTIONS.keySet()) {
                if (!EXPECTED.get(from).contains(to)) {
                    FindingLifecycle finding = FindingLifecycle.at(7, from);
                    assertThatThrownBy(() -> take(finding, to)).isInstanceOf(ConflictException.class);
                    assertThat(finding.status()).as(from + "->" + to).isEqualTo(from);
                    assertThat(finding.history()).as(from + "->" + to).isEmpty();
                }
            }
        }
    }

    @Test
    void eachStepRecordsWhatItNeedsAndReopeningClearsTheClosingDate() {
        FindingLifecycle finding = FindingLifecycle.at(7, FindingStatus.OPEN);
        assertThat(finding.mitigate("m", "p", "王五", "2026-12-31", TODAY).plan())
                .isEqualTo(new Finding.Rectification("m", "p", "王五", LocalDate.of(2026, 12, 31)));
        assertThat(finding.verify("ok", "reviewer", AT).verifiedBy()).isEqualTo("reviewer");
        finding.close("done", AT);
        assertThat(finding.closedAt()).isEqualTo(AT);
        assertThat(finding.verifiedAt()).isEqualTo(AT);
        assertThat(finding.reopen(" seen again ").reason()).isEqualTo("seen again");
        assertThat(finding.reopenReason()).isEqualTo("seen again");
        assertThat(finding.closedAt()).isNull();
        assertThat(finding.verifiedBy()).isNull();
        assertThat(finding.verifiedAt()).isNull();
        assertThat(finding.history()).extracting(FindingLifecycle.HistoryLine::note)
                .containsExactly("王五 2026-12-31", "ok", "done", "seen again");
    }

    @Test
    void reopeningAFixedAndClosedFindingClearsTheOldCycleFromTheFindingButNotFromItsHistory() {
        FindingLifecycle finding = FindingLifecycle.at(7, FindingStatus.OPEN);
        finding.fix("patched openssl");
        finding.verify("checked", "reviewer", AT);
        finding.close("done", AT);
        finding.reopen("seen again");
        assertThat(finding.fixNote()).isNull();
        assertThat(finding.verifiedBy()).isNull();
        assertThat(finding.closedAt()).isNull();
        assertThat(finding.history()).extracting(FindingLifecycle.HistoryLine::note)
                .containsExactly("patched openssl", "checked", "done", "seen again");
    }

    @Test
    void aSuppressedFindingIsOwedNoFixAndOnlyAReopenTakesItBack() {
        assertThat(FindingStatus.SUPPRESSED.unresolved()).isFalse();
        FindingLifecycle finding = FindingLifecycle.at(7, FindingStatus.MITIGATED);
        assertThat(finding.suppress(" false positive ").justification()).isEqualTo("false positive");
        assertThat(finding.history()).singleElement().isEqualTo(new FindingLifecycle.HistoryLine("suppressed",
                FindingStatus.MITIGATED, FindingStatus.SUPPRESSED, "false positive"));
        assertThat(FindingLifecycle.next(FindingStatus.SUPPRESSED)).containsExactly(FindingStatus.REOPENED);
    }

    @Test
    void accountabilityIsRecordedAtEveryStatusWithoutMovingIt() {
        for (FindingStatus status : FindingStatus.values()) {
            FindingLifecycle finding = FindingLifecycle.at(7, status);
            FindingAccountabilityRecorded event = finding.recordAccountability("张三", "通报批评", "2026-11-20");
            assertThat(finding.status()).isEqualTo(status);
            assertThat(event.action()).isEqualTo("finding.accountability.recorded");
            assertThat(event.detail()).isEqualTo("张三");
            assertThat(finding.accountability().decidedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(finding.history()).singleElement()
                    .isEqualTo(new FindingLifecycle.HistoryLine("accountability", null, null, "张三: 通报批评"));
        }
        assertThatThrownBy(() -> FindingLifecycle.at(7, FindingStatus.OPEN).recordAccountability(" ", null, "x"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field)
                        .containsExactly("responsible", "action", "decidedOn"));
    }
}
