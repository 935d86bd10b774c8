package org.inspectorate.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.inspectorate.system.ConflictException;
import org.junit.jupiter.api.Test;

/** The reopen rule is stated once: the set-based import path and the row-by-row path follow the same table. */
class ReopenRuleTest {

    /** The statuses from which the aggregate's own reopen step succeeds, by trying it on each. */
    private static List<String> reopenedOneByOne() {
        List<String> reopened = new ArrayList<>();
        for (FindingStatus status : FindingStatus.values()) {
            try {
                FindingLifecycle.at(1, status).reopen("import 7");
                reopened.add(status.name());
            } catch (ConflictException e) {
                // not reopened from this status
            }
        }
        return reopened.stream().sorted().toList();
    }

    @Test
    void theSetBasedReopenTakesBackExactlyTheStatusesTheRowByRowReopenAccepts() {
        assertThat(FindingRegister.reopenedFromNames()).isEqualTo(reopenedOneByOne())
                .containsExactly("CLOSED", "SUPPRESSED", "VERIFIED");
    }

    @Test
    void theSetBasedSuppressTakesExactlyTheStatusesTheStepAccepts() {
        List<FindingStatus> oneByOne = new ArrayList<>();
        for (FindingStatus status : FindingStatus.values()) {
            try {
                FindingLifecycle.at(1, status).suppress("accepted risk");
                oneByOne.add(status);
            } catch (ConflictException e) {
                // not suppressed from this status
            }
        }
        assertThat(FindingLifecycle.suppressedFrom()).containsExactlyInAnyOrderElementsOf(oneByOne)
                .containsExactlyInAnyOrder(FindingStatus.OPEN, FindingStatus.REOPENED, FindingStatus.MITIGATED);
    }

    @Test
    void anImportReopensOneByOneOnlyWhatTheStepWouldAccept() {
        for (FindingStatus status : FindingStatus.values()) {
            assertThat(FindingLifecycle.at(1, status).reopenable()).as(status.name())
                    .isEqualTo(reopenedOneByOne().contains(status.name()));
        }
    }
}
