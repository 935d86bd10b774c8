package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.inspectorate.ingest.ImportLifecycle.Act;
import org.inspectorate.system.AuditableEvent;
import org.inspectorate.system.AuditableEvent.Outcome;
import org.inspectorate.system.ConflictException;
import org.junit.jupiter.api.Test;

class ImportLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final Instant BEAT = NOW.minusSeconds(30);

    /** The states each act may start from, and the state it leads to. */
    private static final Map<Act, Set<ImportState>> FROM = Map.of(
            Act.START, EnumSet.of(ImportState.QUEUED),
            Act.SUCCEED, EnumSet.of(ImportState.RUNNING),
            Act.FAIL, EnumSet.of(ImportState.QUEUED, ImportState.RUNNING),
            Act.ABANDON, EnumSet.of(ImportState.QUEUED, ImportState.RUNNING),
            Act.ASSIGN, EnumSet.of(ImportState.SUCCEEDED));

    private static final Map<Act, ImportState> TO = Map.of(Act.START, ImportState.RUNNING,
            Act.SUCCEED, ImportState.SUCCEEDED, Act.FAIL, ImportState.FAILED, Act.ABANDON, ImportState.FAILED,
            Act.ASSIGN, ImportState.SUCCEEDED);

    /** Which state may follow which, by any act. */
    private static final Map<ImportState, Set<ImportState>> NEXT = Map.of(
            ImportState.QUEUED, EnumSet.of(ImportState.RUNNING, ImportState.FAILED),
            ImportState.RUNNING, EnumSet.of(ImportState.SUCCEEDED, ImportState.FAILED),
            ImportState.SUCCEEDED, EnumSet.of(ImportState.SUCCEEDED),
            ImportState.FAILED, EnumSet.noneOf(ImportState.class));

    private static final ImportResult RESULT = new ImportResult(ReportFormat.NESSUS, 2048, 12, 5, 3, 2, 1, 4, 2, 1);

    private static ImportLifecycle job(ImportState state) {
        return ImportLifecycle.restore(7, 42, "scan.nessus", state, BEAT);
    }

    private static AuditableEvent take(ImportLifecycle job, Act act) {
        return switch (act) {
            case START -> job.start("zhangsan", NOW);
            case SUCCEED -> job.succeed(RESULT, "zhangsan", NOW);
            case FAIL -> job.fail("ingest.parse.port-invalid", "3|14|70000", "zhangsan", NOW);
            case ABANDON -> job.abandon(NOW);
            case ASSIGN -> job.assign("10.9.9.9", 3, 2, 1, 1, 0, "zhangsan", 1, false);
        };
    }

    @Test
    void everyActFromEveryStateEitherMovesToItsStateOrIsAConflictNamingTheCurrentOne() {
        int legal = 0;
        int illegal = 0;
        for (Act act : Act.values()) {
            for (ImportState from : ImportState.values()) {
                ImportLifecycle job = job(from);
                if (FROM.get(act).contains(from)) {
                    assertThat(job.allows(act)).as(act + " from " + from).isTrue();
                    assertThat(take(job, act)).as(act + " from " + from).isNotNull();
                    assertThat(job.state()).as(act + " from " + from).isEqualTo(TO.get(act));
                    legal++;
                } else {
                    assertThat(job.allows(act)).as(act + " from " + from).isFalse();
                    assertThatThrownBy(() -> take(job, act)).as(act + " from " + from)
                            .isInstanceOfSatisfying(ConflictException.class, e -> {
                                assertThat(e.code()).isEqualTo(act.conflict);
                                assertThat(e.args()).containsExactly(from);
                            });
                    assertThat(job.state()).as("unchanged after a refused " + act).isEqualTo(from);
                    illegal++;
                }
            }
        }
        assertThat(legal).isEqualTo(7);
        assertThat(illegal).isEqualTo(13);
    }

    @Test
    void everyPairOfStatesIsAllowedExactlyWhenSomeActLeadsFromOneToTheOther() {
        int allowed = 0;
        for (ImportState from : ImportState.values()) {
            for (ImportState to : ImportState.values()) {
                assertThat(ImportLifecycle.allowed(from, to)).as(from + "->" + to)
                        .isEqualTo(NEXT.get(from).contains(to));
                allowed += NEXT.get(from).contains(to) ? 1 : 0;
            }
        }
        assertThat(allowed).isEqualTo(5);
    }

    @Test
    void onlyAQueuedOrRunningJobHoldsItsOperatorsImportLock() {
        assertThat(EnumSet.allOf(ImportState.class)).filteredOn(s -> job(s).holdsLock())
                .containsExactlyInAnyOrder(ImportState.QUEUED, ImportState.RUNNING);
        ImportLifecycle job = job(ImportState.RUNNING);
        job.succeed(RESULT, "zhangsan", NOW);
        assertThat(job.holdsLock()).as("released by its end").isFalse();
    }

    @Test
    void anActiveJobWhoseNodeLastBeatBeforeTheCutOffIsStaleAndAnEndedOneNever() {
        assertThat(job(ImportState.RUNNING).stale(BEAT.plusMillis(1))).isTrue();
        assertThat(job(ImportState.QUEUED).stale(BEAT.plusMillis(1))).isTrue();
        assertThat(job(ImportState.RUNNING).stale(BEAT)).as("beat exactly at the cut-off").isFalse();
        assertThat(job(ImportState.SUCCEEDED).stale(NOW)).isFalse();
        assertThat(job(ImportState.FAILED).stale(NOW)).isFalse();
    }

    @Test
    void anAbandonedJobFailsUnderTheSystemUserWithTheAbandonedKeyAndNoDetail() {
        ImportLifecycle job = job(ImportState.RUNNING);
        ImportFailed failed = job.abandon(NOW);
        assertThat(job.errorKey()).isEqualTo("ingest.import.abandoned");
        assertThat(job.errorDetail()).isNull();
        assertThat(job.finishedAt()).isEqualTo(NOW);
        assertThat(failed.action()).isEqualTo("import.failed");
        assertThat(failed.actor()).isEqualTo("system");
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(failed.detail()).isEqualTo("abandoned: the node stopped reporting");
        assertThat(failed.subject()).isEqualTo("import:7");
    }

    @Test
    void eachMoveSaysWhatHappenedInTheAuditTrailsWords() {
        ImportLifecycle job = job(ImportState.QUEUED);
        ImportStarted started = job.start("zhangsan", NOW);
        assertThat(started.action()).isEqualTo("import.started");
        assertThat(started.detail()).isEqualTo("scan.nessus");
        assertThat(started.actor()).isEqualTo("zhangsan");
        assertThat(job.startedAt()).isEqualTo(NOW);

        ImportSucceeded succeeded = job.succeed(RESULT, "zhangsan", NOW);
        assertThat(succeeded.action()).isEqualTo("import.succeeded");
        assertThat(succeeded.detail()).isEqualTo(
                "NESSUS 12 parsed: 5 new, 3 updated, 2 unchanged, 1 reopened, 4 not seen, 1 unmatched hosts");
        assertThat(job.result()).isEqualTo(RESULT);

        UnmatchedHostAssigned assigned = job.assign("10.9.9.9", 3, 2, 1, 1, 0, "lisi", 1, false);
        assertThat(assigned.action()).isEqualTo("import.assigned");
        assertThat(assigned.detail()).isEqualTo("10.9.9.9 -> unit:3, 2 findings, 1 new");
        assertThat(assigned.actor()).isEqualTo("lisi");
        assertThat(job.state()).isEqualTo(ImportState.SUCCEEDED);

        ImportFailed failed = job(ImportState.RUNNING).fail("ingest.parse.port-invalid", "3|14|70000", "zhangsan",
                NOW);
        assertThat(failed.detail()).isEqualTo("ingest.parse.port-invalid 3|14|70000");
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(new ImportFailed(7, 42, "ingest.import.failed", null, "zhangsan").detail())
                .isEqualTo("ingest.import.failed");
    }

    @Test
    void aMoveIsWrittenOnlyFromTheStateItsRowWasReadIn() {
        ImportLifecycle job = job(ImportState.QUEUED);
        job.start("zhangsan", NOW);
        assertThat(job.persistedState()).isEqualTo(ImportState.QUEUED);
        job.saved();
        assertThat(job.persistedState()).isEqualTo(ImportState.RUNNING);
    }
}
