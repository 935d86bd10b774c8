package org.inspectorate.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.inspectorate.scoring.ScoringFixtures.category;
import static org.inspectorate.scoring.ScoringFixtures.deduction;
import static org.inspectorate.scoring.ScoringFixtures.occurrences;
import static org.inspectorate.scoring.ScoringFixtures.scored;
import static org.inspectorate.scoring.ScoringFixtures.standard;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.scoring.ScoreSheet.Act;
import org.inspectorate.scoring.ScoreSheet.RecordedMark;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The score sheet's transition table walked for every state and act, and its refusals of bad input. */
class ScoreSheetTest {

    private static final Instant AT = Instant.parse("2026-12-09T02:00:00Z");
    private static final ScoringStandard STANDARD = standard("0", category("C", deduction("C1", "10", "2", "0")));
    private static final ScoringSubject SUBJECT = new ScoringSubject(5, 9, "某增值电信企业",
            OrganisationType.VALUE_ADDED_TELECOM, Province.GANSU, Province.GANSU, 2026, 100, Set.of(101L), false);

    /** The expected table: state → act → next state; a missing act is refused. */
    private static final Map<ScoreSheetState, Map<Act, ScoreSheetState>> EXPECTED = Map.of(
            ScoreSheetState.DRAFT, Map.of(Act.MARK, ScoreSheetState.DRAFT, Act.SUBMIT, ScoreSheetState.SUBMITTED),
            ScoreSheetState.SUBMITTED, Map.of(Act.APPROVE, ScoreSheetState.APPROVED,
                    Act.RETURN, ScoreSheetState.RETURNED),
            ScoreSheetState.RETURNED, Map.of(Act.MARK, ScoreSheetState.RETURNED, Act.SUBMIT, ScoreSheetState.SUBMITTED),
            ScoreSheetState.APPROVED, Map.of(Act.REOPEN, ScoreSheetState.REOPENED),
            ScoreSheetState.REOPENED, Map.of(Act.MARK, ScoreSheetState.REOPENED, Act.SUBMIT, ScoreSheetState.SUBMITTED));

    private static ScoreSheet in(ScoreSheetState state, boolean marked) {
        Map<String, RecordedMark> marks = marked ? Map.of("C1", new RecordedMark(occurrences(1, "一处"), "li", AT))
                : Map.of();
        return new ScoreSheet(1, SUBJECT, 3, STANDARD, marks, state, null, null, null, 0);
    }

    private static Object act(ScoreSheet s, Act act) {
        return switch (act) {
            case MARK -> s.mark("C1", occurrences(2, "两处"), "li", AT);
            case SUBMIT -> s.submit(AT);
            case APPROVE -> s.approve("officer", AT);
            case RETURN -> s.returnWith("评分理由不充分", "officer", AT);
            case REOPEN -> s.reopen("复核发现漏扣", "officer", AT);
        };
    }

    @Test
    void everyStateAndActFollowsTheTableAndARefusalNamesTheCurrentState() {
        for (ScoreSheetState from : ScoreSheetState.values()) {
            for (Act act : Act.values()) {
                ScoreSheetState to = EXPECTED.get(from).get(act);
                ScoreSheet sheet = in(from, true);
                assertThat(ScoreSheet.next(from, act)).as("%s --%s-->", from, act).isEqualTo(Optional.ofNullable(to));
                if (to == null) {
                    assertThatThrownBy(() -> act(sheet, act)).as("%s --%s-->", from, act)
                            .isInstanceOfSatisfying(ConflictException.class, e -> {
                                assertThat(e.code()).isEqualTo("scoring.conflict.state");
                                assertThat(e.args()).containsExactly(act.name(), from.name());
                            });
                    assertThat(sheet.state()).isEqualTo(from);
                } else {
                    assertThat(act(sheet, act)).isNotNull();
                    assertThat(sheet.state()).as("%s --%s-->", from, act).isEqualTo(to);
                }
            }
        }
    }

    @Test
    void onlyTheEditableStatesTakeMarks() {
        for (ScoreSheetState s : ScoreSheetState.values()) {
            assertThat(s.editable()).as("%s", s).isEqualTo(EXPECTED.get(s).containsKey(Act.MARK));
        }
    }

    @Test
    void anApprovedSheetRefusesAMarkAndKeepsItsScore() {
        ScoreSheet sheet = in(ScoreSheetState.APPROVED, true);
        assertThatThrownBy(() -> sheet.mark("C1", occurrences(0, ""), "li", AT))
                .isInstanceOf(ConflictException.class);
        assertThat(sheet.score().total()).isEqualByComparingTo("8");
    }

    @Test
    void anIncompleteSheetIsNotSubmittedAndNamesTheUnmarkedItems() {
        ScoreSheet sheet = in(ScoreSheetState.DRAFT, false);
        assertThatThrownBy(() -> sheet.submit(AT)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("items");
                assertThat(p.code()).isEqualTo("scoring.sheet.incomplete");
                assertThat(p.args()).containsExactly(1, "C1");
            });
        });
        assertThat(sheet.state()).isEqualTo(ScoreSheetState.DRAFT);
    }

    @Test
    void anInvalidMarkChangesNothing() {
        ScoreSheet sheet = in(ScoreSheetState.DRAFT, true);
        assertThatThrownBy(() -> sheet.mark("C1", scored("11", "x"), "li", AT))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> sheet.mark("Z9", occurrences(0, ""), "li", AT))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("item"));
        assertThat(sheet.score().total()).isEqualByComparingTo("8");
    }

    @Test
    void aReturnAndAReopeningNeedTheirReasons() {
        assertThatThrownBy(() -> in(ScoreSheetState.SUBMITTED, true).returnWith(" ", "o", AT))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("reasons"));
        ScoreSheet approved = in(ScoreSheetState.APPROVED, true);
        assertThatThrownBy(() -> approved.reopen("", "o", AT)).isInstanceOf(InvalidInputException.class);
        assertThat(approved.state()).isEqualTo(ScoreSheetState.APPROVED);
    }
}
