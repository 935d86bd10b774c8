package org.inspectorate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.inspectorate.system.AuditableEvent;
import org.inspectorate.system.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The audit module's rules without a database. */
class AuditRulesTest {

    private static final Instant AT = Instant.parse("2026-11-26T01:02:03.456Z");

    @Test
    void theHashCoversEveryFieldAndThePredecessor() {
        String base = AuditEntry.hashOf(7, AT, "zhang", "x.y", "s:1", "SUCCESS", "d", "10.0.0.1", AuditEntry.GENESIS);
        assertThat(base).hasSize(64).isEqualTo(
                AuditEntry.hashOf(7, AT, "zhang", "x.y", "s:1", "SUCCESS", "d", "10.0.0.1", AuditEntry.GENESIS));
        assertThat(List.of(
                AuditEntry.hashOf(8, AT, "zhang", "x.y", "s:1", "SUCCESS", "d", "10.0.0.1", AuditEntry.GENESIS),
                AuditEntry.hashOf(7, AT.plusMillis(1), "zhang", "x.y", "s:1", "SUCCESS", "d", "10.0.0.1", AuditEntry.GENESIS),
                AuditEntry.hashOf(7, AT, "zhan", "x.y", "s:1", "SUCCESS", "d", "10.0.0.1", AuditEntry.GENESIS),
                AuditEntry.hashOf(7, AT, "zhang", "x.z", "s:1", "SUCCESS", "d", "10.0.0.1", AuditEntry.GENESIS),
                AuditEntry.hashOf(7, AT, "zhang", "x.y", "s:2", "SUCCESS", "d", "10.0.0.1", AuditEntry.GENESIS),
                AuditEntry.hashOf(7, AT, "zhang", "x.y", "s:1", "FAILURE", "d", "10.0.0.1", AuditEntry.GENESIS),
                AuditEntry.hashOf(7, AT, "zhang", "x.y", "s:1", "SUCCESS", "e", "10.0.0.1", AuditEntry.GENESIS),
                AuditEntry.hashOf(7, AT, "zhang", "x.y", "s:1", "SUCCESS", "d", "10.0.0.2", AuditEntry.GENESIS),
                AuditEntry.hashOf(7, AT, "zhang", "x.y", "s:1", "SUCCESS", "d", "10.0.0.1", "1".repeat(64))))
                .doesNotContain(base).doesNotHaveDuplicates();
    }

    @Test
    void fieldBoundariesCannotBeShiftedBetweenFields() {
        assertThat(AuditEntry.hashOf(1, AT, "ab", "c", "s", "SUCCESS", null, null, AuditEntry.GENESIS))
                .isNotEqualTo(AuditEntry.hashOf(1, AT, "a", "bc", "s", "SUCCESS", null, null, AuditEntry.GENESIS));
    }

    @Test
    void storableTextDropsNulReplacesLoneSurrogatesAndNeverSplitsACharacter() {
        assertThat(AuditText.clean("a\u0000b", 10)).isEqualTo("ab");
        assertThat(AuditText.clean("x\uD800y\uDC00", 10)).isEqualTo("x\uFFFDy\uFFFD");
        assertThat(AuditText.clean("ab😀", 3)).isEqualTo("ab");
        assertThat(AuditText.clean("ab😀c", 4)).isEqualTo("ab😀");
        assertThat(AuditText.clean(null, 3)).isNull();
    }

    @Test
    void anchorsAreReadFromTheFormTheLogPrints() {
        String hash = "ab".repeat(32);
        assertThat(AuditAnchor.parseAll(" 12:" + hash + " , 3:" + hash.toUpperCase()))
                .containsExactly(new AuditAnchor(12, hash), new AuditAnchor(3, hash));
        assertThat(AuditAnchor.parseAll("")).isEmpty();
        assertThatThrownBy(() -> AuditAnchor.parseAll("12")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditAnchor.parseAll("x:" + hash)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditAnchor.parseAll("0:" + hash)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditAnchor.parseAll("5:abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDateRangeIsReadInChinaStandardTimeWithTheLastDayIncluded() {
        AuditRepository.Filter f = AuditConsole.filter(new AuditQuery(" zhang ", "signin.", "FAILURE", "", "2026-11-01",
                "2026-11-01"));
        assertThat(f.actor()).isEqualTo("zhang");
        assertThat(f.actionPrefix()).isEqualTo("signin.");
        assertThat(f.outcome()).isEqualTo(AuditableEvent.Outcome.FAILURE);
        assertThat(f.subjectPrefix()).isNull();
        assertThat(f.from()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(f.to()).isEqualTo(Instant.parse("2026-11-01T16:00:00Z"));
    }

    @Test
    void everyBadFilterFieldIsNamedAtOnce() {
        assertThatThrownBy(() -> AuditConsole.filter(new AuditQuery("a".repeat(65), null, "MAYBE", null, "2026-02-30",
                "1999-01-01")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field)
                        .containsExactlyInAnyOrder("actor", "outcome", "from", "to"));
        assertThatThrownBy(() -> AuditConsole.filter(new AuditQuery(null, null, null, null, "2026-02-01", "2026-01-31")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::code)
                        .containsExactly("audit.filter.to.beforeFrom"));
    }

    @Test
    void likePrefixesMatchWildcardsLiterally() {
        assertThat(AuditRepository.likePrefix("a_b%c!")).isEqualTo("a!_b!%c!!%");
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertThat(Csv.cell("plain")).isEqualTo("plain");
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell(null)).isEmpty();
    }
}
