package org.inspectorate.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.inspectorate.system.ConflictException;
import org.junit.jupiter.api.Test;
import java.util.Optional;

/** The discrepancy's transition table, walked for every state and act. */
class DiscrepancyTest {

    private static final Instant AT = Instant.parse("2026-12-07T08:00:00Z");

    /** The expected table: state → act → next state; a missing act is refused. */
    private static final Map<DiscrepancyState, Map<Discrepancy.Act, DiscrepancyState>> EXPECTED = Map.of(
            DiscrepancyState.OPEN, Map.of(Discrepancy.Act.DECLARE, DiscrepancyState.DECLARED,
                    Discrepancy.Act.OPEN_FINDING, DiscrepancyState.FINDING_OPENED,
                    Discrepancy.Act.SETTLE, DiscrepancyState.SETTLED),
            DiscrepancyState.DECLARED, Map.of(Discrepancy.Act.OPEN_FINDING, DiscrepancyState.FINDING_OPENED,
                    Discrepancy.Act.SETTLE, DiscrepancyState.SETTLED),
            DiscrepancyState.FINDING_OPENED, Map.of(Discrepancy.Act.SETTLE, DiscrepancyState.SETTLED),
            DiscrepancyState.SETTLED, Map.of());

    private static Discrepancy in(DiscrepancyState state) {
        return new Discrepancy(7, new ServiceDiscrepancy.Service(3, 1, 2, "203.0.113.5", 8080, "tcp", "http", null),
                state, null, null, null, null, null, 0);
    }

    private static Object act(Discrepancy d, Discrepancy.Act act) {
        return switch (act) {
            case DECLARE -> d.declare("zhangsan", AT, 2);
            case OPEN_FINDING -> d.openFinding(99, "zhangsan", AT);
            case SETTLE -> d.settle(AT, 3);
        };
    }

    @Test
    void everyStateAndActFollowsTheTableAndARefusalNamesTheCurrentState() {
        for (DiscrepancyState from : DiscrepancyState.values()) {
            for (Discrepancy.Act act : Discrepancy.Act.values()) {
                DiscrepancyState to = EXPECTED.get(from).get(act);
                Discrepancy d = in(from);
                assertThat(Discrepancy.next(from, act)).as("%s --%s-->", from, act).isEqualTo(
                        Optional.ofNullable(to));
                if (to == null) {
                    assertThatThrownBy(() -> act(d, act)).as("%s --%s-->", from, act)
                            .isInstanceOfSatisfying(ConflictException.class, e -> {
                                assertThat(e.code()).isEqualTo("exposure.conflict.state");
                                assertThat(e.args()).containsExactly(act.name(), from.name());
                            });
                    assertThat(d.state()).isEqualTo(from);
                } else {
                    assertThat(act(d, act)).isNotNull();
                    assertThat(d.state()).as("%s --%s-->", from, act).isEqualTo(to);
                }
            }
        }
    }

    @Test
    void declaringRecordsTheDraftVersionAndWhoAndOpeningAFindingItsId() {
        Discrepancy declared = in(DiscrepancyState.OPEN);
        DiscrepancyDeclared event = declared.declare("zhangsan", AT, 4);
        assertThat(declared.declaredVersionNo()).isEqualTo(4);
        assertThat(declared.decidedBy()).isEqualTo("zhangsan");
        assertThat(event.service()).isEqualTo("203.0.113.5:8080/tcp");
        assertThat(event.action()).isEqualTo("exposure.discrepancy.declared");

        Discrepancy found = in(DiscrepancyState.DECLARED);
        DiscrepancyFindingOpened opened = found.openFinding(42, "lisi", AT);
        assertThat(found.findingId()).isEqualTo(42);
        assertThat(opened.detail()).contains("finding:42");
    }

    @Test
    void anIpv6AddressIsWrittenInBrackets() {
        assertThat(ObservedService.address("2001:db8::1", 443, "tcp")).isEqualTo("[2001:db8::1]:443/tcp");
    }
}
