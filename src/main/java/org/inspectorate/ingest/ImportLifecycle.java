package org.inspectorate.ingest;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.inspectorate.system.ConflictException;

/**
 * An import job as an aggregate (导入任务): its state and the moves between states, in plain Java. The
 * repository restores it from its row and saves it back only if the row is still in the state it was read in
 * (another node may have expired it meanwhile); {@link ImportJob} is what pages and the API show of it.
 *
 * <p>The moves, each a method that fails naming the current state and returns the event it caused:
 * <table>
 * <caption>import job transitions</caption>
 * <tr><th>act</th><th>from</th><th>to</th><th>event</th></tr>
 * <tr><td>{@link #start}</td><td>QUEUED</td><td>RUNNING</td><td>{@link ImportStarted}</td></tr>
 * <tr><td>{@link #succeed}</td><td>RUNNING</td><td>SUCCEEDED</td><td>{@link ImportSucceeded}</td></tr>
 * <tr><td>{@link #fail}</td><td>QUEUED, RUNNING</td><td>FAILED</td><td>{@link ImportFailed}</td></tr>
 * <tr><td>{@link #abandon} (its node stopped beating)</td><td>QUEUED, RUNNING</td><td>FAILED</td>
 * <td>{@link ImportFailed}</td></tr>
 * <tr><td>{@link #assign} (an unmatched host)</td><td>SUCCEEDED</td><td>SUCCEEDED</td>
 * <td>{@link UnmatchedHostAssigned}</td></tr>
 * </table>
 * A job is created QUEUED ({@link ImportQueued}). While it is QUEUED or RUNNING it holds its operator's
 * import lock, one import per operator at a time on any node; the repository frees the lock when it saves a
 * job that no longer {@linkplain #holdsLock() holds} it. An assignment takes the lock for its own transaction.
 */
final class ImportLifecycle {

    /** The error key of a job failed because its node stopped beating. */
    static final String ABANDONED = "ingest.import.abandoned";

    /** Who fails an abandoned job in the audit trail: no user did. */
    static final String SYSTEM = "system";

    /** The acts of an import job, each with the states it may start from and the state it leads to. */
    enum Act {
        START(ImportState.RUNNING, "ingest.import.conflict.start", ImportState.QUEUED),
        SUCCEED(ImportState.SUCCEEDED, "ingest.import.conflict.succeed", ImportState.RUNNING),
        FAIL(ImportState.FAILED, "ingest.import.conflict.fail", ImportState.QUEUED, ImportState.RUNNING),
        ABANDON(ImportState.FAILED, "ingest.import.conflict.fail", ImportState.QUEUED, ImportState.RUNNING),
        ASSIGN(ImportState.SUCCEEDED, "ingest.import.notFinished", ImportState.SUCCEEDED);

        final ImportState to;
        /** The conflict's message key; its argument is the current state. */
        final String conflict;
        private final Set<ImportState> from;

        Act(ImportState to, String conflict, ImportState first, ImportState... more) {
            this.to = to;
            this.conflict = conflict;
            this.from = EnumSet.of(first, more);
        }

        boolean startsFrom(ImportState state) {
            return from.contains(state);
        }
    }

    /** The transition table by state: which states may follow which, by any act. */
    private static final Map<ImportState, Set<ImportState>> NEXT = new EnumMap<>(ImportState.class);

    static {
        for (ImportState state : ImportState.values()) {
            NEXT.put(state, EnumSet.noneOf(ImportState.class));
        }
        for (Act act : Act.values()) {
            for (ImportState from : act.from) {
                NEXT.get(from).add(act.to);
            }
        }
    }

    private final long id;
    private final long organisationId;
    private final String fileName;
    private ImportState persistedState;
    private final Instant heartbeatAt;
    private ImportState state;
    private Instant startedAt;
    private Instant finishedAt;
    private String errorKey;
    private String errorDetail;
    private ImportResult result;

    private ImportLifecycle(long id, long organisationId, String fileName, ImportState state, Instant heartbeatAt) {
        this.id = id;
        this.organisationId = organisationId;
        this.fileName = fileName;
        this.persistedState = Objects.requireNonNull(state, "state");
        this.state = state;
        this.heartbeatAt = heartbeatAt;
    }

    /** The job as its row stands: {@code heartbeatAt} is when its node last said it was alive. */
    static ImportLifecycle restore(long id, long organisationId, String fileName, ImportState state,
            Instant heartbeatAt) {
        return new ImportLifecycle(id, organisationId, fileName, state, heartbeatAt);
    }

    /** Whether some act leads from {@code from} to {@code to}. */
    static boolean allowed(ImportState from, ImportState to) {
        return NEXT.get(from).contains(to);
    }

    /** Whether the act may be taken now. */
    boolean allows(Act act) {
        return act.startsFrom(state);
    }

    /** Its run begins. */
    ImportStarted start(String by, Instant now) {
        move(Act.START);
        startedAt = now;
        return new ImportStarted(id, fileName, by);
    }

    /** The report landed whole, with these counts. */
    ImportSucceeded succeed(ImportResult counts, String by, Instant now) {
        move(Act.SUCCEED);
        result = Objects.requireNonNull(counts, "counts");
        finishedAt = now;
        return new ImportSucceeded(id, organisationId, counts, by);
    }

    /** The run failed: {@code key} says why, {@code detail} where (see {@link ImportFailed}). */
    ImportFailed fail(String key, String detail, String by, Instant now) {
        move(Act.FAIL);
        errorKey = key;
        errorDetail = detail;
        finishedAt = now;
        return new ImportFailed(id, organisationId, key, detail, by);
    }

    /**
     * Whether its node has stopped beating: the job is still active and the node last said it was alive
     * before {@code staleBefore} (now less {@code inspectorate.import.expire-after}).
     */
    boolean stale(Instant staleBefore) {
        return state.active() && heartbeatAt != null && heartbeatAt.isBefore(staleBefore);
    }

    /** Failed because its node stopped beating, so that a dead node never blocks its operator for ever. */
    ImportFailed abandon(Instant now) {
        move(Act.ABANDON);
        errorKey = ABANDONED;
        errorDetail = null;
        finishedAt = now;
        return new ImportFailed(id, organisationId, ABANDONED, null, SYSTEM);
    }

    /** Fails naming the current state unless unmatched hosts may be assigned now (the import succeeded). */
    void requireAssignable() {
        require(Act.ASSIGN);
    }

    /**
     * Unmatched hosts' waiting findings were imported into a unit: {@code hosts} hosts (named by {@code host}, a
     * host or the selection), {@code moved} findings, with what they did to the register.
     */
    UnmatchedHostAssigned assign(String host, long unitId, int moved, int created, int updated, int unchanged,
            String by, int hosts, boolean addedToAssets) {
        move(Act.ASSIGN);
        return new UnmatchedHostAssigned(id, host, unitId, moved, created, updated, unchanged, by, hosts,
                addedToAssets);
    }

    /** Whether the job holds its operator's import lock: while it is queued or running. */
    boolean holdsLock() {
        return state.active();
    }

    private void move(Act act) {
        require(act);
        state = act.to;
    }

    private void require(Act act) {
        if (!act.startsFrom(state)) {
            throw new ConflictException(act.conflict, state);
        }
    }

    long id() {
        return id;
    }

    long organisationId() {
        return organisationId;
    }

    String fileName() {
        return fileName;
    }

    ImportState state() {
        return state;
    }

    /** The state its row is in, as far as this job knows: a move is written only if the row still is. */
    ImportState persistedState() {
        return persistedState;
    }

    /** Its row now holds its state (the repository wrote the move). */
    void saved() {
        persistedState = state;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    String errorKey() {
        return errorKey;
    }

    String errorDetail() {
        return errorDetail;
    }

    /** The counts of a succeeded run; {@code null} otherwise. */
    ImportResult result() {
        return result;
    }
}
