package org.inspectorate.filing;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;

/**
 * A network unit's filing (备案) as a lifecycle: the one place that says which act may happen in which
 * state, and what it leaves behind. Plain Java: {@link NetworkUnitRepository} restores it from the unit's
 * row, {@link NetworkUnits} saves what a transition changed and publishes the event it returns.
 *
 * <p>The transition table ({@link #MOVES}):
 * <pre>
 * DRAFT      edit → DRAFT (in place)              submit → SUBMITTED
 * RETURNED   edit → DRAFT (a new version)
 * FILED      edit → DRAFT (a change filing 变更备案)  decommission → SUBMITTED (退网备案)   — not once retired
 * SUBMITTED  accept → FILED                       returnWith → RETURNED (补正)
 * SUPERSEDED (versions only) nothing
 * </pre>
 * An act refused in the current state fails with the same {@link ConflictException} the pages have always
 * shown, naming the current state; a stale optimistic-lock version is {@code filing.conflict.stale}.
 */
final class Filing {

    /** What may be done to a filing. */
    enum Act { EDIT, SUBMIT, DECOMMISSION, ACCEPT, RETURN }

    /** The longest reasons of a return, in characters. */
    static final int MAX_REASONS = 2000;

    /** From each state, the acts allowed and the state each leads to. */
    static final Map<FilingState, Map<Act, FilingState>> MOVES = moves();

    private final long unitId;
    private final long organisationId;
    private final FilingAuthority authority;
    private final UnitContent content;
    private final FilingState state;
    private final FilingKind kind;
    private final int versionNo;
    private final Integer inForceVersionNo;
    private final String filingNumber;
    private final LocalDate dueOn;
    private final int lockVersion;

    private Filing(long unitId, long organisationId, FilingAuthority authority, UnitContent content, FilingState state,
            FilingKind kind, int versionNo, Integer inForceVersionNo, String filingNumber, LocalDate dueOn,
            int lockVersion) {
        this.unitId = unitId;
        this.organisationId = organisationId;
        this.authority = authority;
        this.content = content;
        this.state = state;
        this.kind = kind;
        this.versionNo = versionNo;
        this.inForceVersionNo = inForceVersionNo;
        this.filingNumber = filingNumber;
        this.dueOn = dueOn;
        this.lockVersion = lockVersion;
    }

    /** The filing of the unit as read. */
    static Filing restore(NetworkUnit unit) {
        return new Filing(unit.id(), unit.organisationId(), unit.authority(), unit.content(), unit.state(),
                unit.kind(), unit.currentVersionNo(), unit.inForceVersionNo(), unit.filingNumber(), unit.dueOn(),
                unit.version());
    }

    /** The state the act leads to from {@code from}, if the table allows it. */
    static Optional<FilingState> next(FilingState from, Act act) {
        return Optional.ofNullable(MOVES.get(from).get(act));
    }

    // --- transitions ---------------------------------------------------------------------------

    /**
     * Fails unless the operator may change the unit now (its content, its attachments): not while it is under
     * review ({@code filing.conflict.underReview}), nor once it is retired ({@code filing.conflict.retired}).
     */
    void requireEditable() {
        if (state == FilingState.SUBMITTED) {
            throw new ConflictException("filing.conflict.underReview");
        }
        if (retired()) {
            throw new ConflictException("filing.conflict.retired");
        }
        require(Act.EDIT, FilingState.DRAFT);
    }

    /** Fails with {@code filing.conflict.stale} unless the unit still has the version the caller read. */
    void requireVersion(int expectedVersion) {
        if (lockVersion != expectedVersion) {
            throw new ConflictException("filing.conflict.stale");
        }
    }

    /**
     * Takes new content: a DRAFT in place, a RETURNED filing as a new draft version, a FILED unit as a change
     * filing (变更备案) in a new draft version while the filed one stays in force. A first filing is due after
     * the grading review, a change after the change; a decommissioning's content stays RETIRED.
     */
    Edited edit(UnitContent newContent, FilingDeadlinePolicy deadlines, LocalDate today) {
        requireEditable();
        if (kind == FilingKind.DECOMMISSION && state != FilingState.FILED
                && newContent.lifecycleStage() != LifecycleStage.RETIRED) {
            throw new InvalidInputException("lifecycleStage", "filing.decommission.stage");
        }
        int newVersionNo = state == FilingState.DRAFT ? versionNo : versionNo + 1;
        FilingKind newKind = kind;
        LocalDate newDueOn = dueOn;
        if (state == FilingState.FILED) {
            newKind = FilingKind.CHANGE;
            newDueOn = deadlines.changeFilingDue(today);
        } else if (kind == FilingKind.INITIAL) {
            // a first filing is due 30 days after the grading review, whichever date the operator corrects it to
            newDueOn = deadlines.filingDue(newContent.gradingReviewedOn());
        }
        Filing after = with(next(state, Act.EDIT).orElseThrow(), newKind, newVersionNo, newContent, newDueOn);
        UnitChanged event = state == FilingState.FILED
                ? new ChangeOpened(unitId, newVersionNo, newContent.name())
                : new UnitUpdated(unitId, newVersionNo, newContent.name());
        return new Edited(after, newVersionNo != versionNo, event);
    }

    /** Submits the draft to the authority the operator's type routes it to. */
    FilingSubmitted submit(int expectedVersion, FilingAuthority routedTo) {
        require(Act.SUBMIT, FilingState.DRAFT);
        requireVersion(expectedVersion);
        return new FilingSubmitted(unitId, versionNo, kind, routedTo.code());
    }

    /**
     * Files the decommissioning (退网备案) of a filed, not yet retired unit: its content with the lifecycle stage
     * RETIRED goes to review at once as a new version; the filed version stays in force until it is accepted.
     */
    Decommissioned decommission(int expectedVersion, FilingAuthority routedTo, FilingDeadlinePolicy deadlines,
            LocalDate today) {
        if (retired()) {
            throw new ConflictException("filing.conflict.state", state.name(), FilingState.FILED.name());
        }
        require(Act.DECOMMISSION, FilingState.FILED);
        requireVersion(expectedVersion);
        UnitContent c = content;
        UnitContent retiredContent = new UnitContent(c.name(), c.category(), c.description(), c.keyLocations(),
                c.responsiblePerson(), c.responsibleContact(), c.gradeLevel(), c.gradingReasoning(),
                c.gradingReviewedOn(), c.mainHardware(), c.securitySystems(), c.baseSoftware(),
                c.applicationSoftware(), c.protocolsAndPorts(), LifecycleStage.RETIRED, c.assets());
        int newVersionNo = versionNo + 1;
        Filing after = with(next(state, Act.DECOMMISSION).orElseThrow(), FilingKind.DECOMMISSION, newVersionNo,
                retiredContent, deadlines.changeFilingDue(today));
        return new Decommissioned(after, new DecommissionSubmitted(unitId, newVersionNo, routedTo.code()));
    }

    /**
     * Accepts the submitted filing: a first filing takes the next filing number, a filing that has one keeps it.
     * The event carries what follows from it (the operator, the level in force).
     */
    FilingAccepted accept(int expectedVersion, Supplier<String> nextFilingNumber) {
        require(Act.ACCEPT, FilingState.SUBMITTED);
        requireVersion(expectedVersion);
        String number = filingNumber != null ? filingNumber : nextFilingNumber.get();
        return new FilingAccepted(unitId, organisationId, versionNo, number, content.gradeLevel(), kind);
    }

    /** Returns the submitted filing for correction (补正); the reasons are required, and checked first. */
    FilingReturned returnWith(int expectedVersion, String reasons) {
        String text = reasons == null ? "" : reasons.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("reasons", "filing.reasons.required");
        }
        if (text.length() > MAX_REASONS) {
            throw new InvalidInputException("reasons", "filing.field.tooLong", MAX_REASONS);
        }
        require(Act.RETURN, FilingState.SUBMITTED);
        requireVersion(expectedVersion);
        return new FilingReturned(unitId, organisationId, versionNo, content.name(), text);
    }

    // --- reading -----------------------------------------------------------------------------------

    long organisationId() {
        return organisationId;
    }

    FilingAuthority authority() {
        return authority;
    }

    UnitContent content() {
        return content;
    }

    FilingState state() {
        return state;
    }

    FilingKind kind() {
        return kind;
    }

    int versionNo() {
        return versionNo;
    }

    Integer inForceVersionNo() {
        return inForceVersionNo;
    }

    LocalDate dueOn() {
        return dueOn;
    }

    /** Whether its decommissioning (退网备案) was accepted: it is kept, read-only, for the record. */
    boolean retired() {
        return state == FilingState.FILED && kind == FilingKind.DECOMMISSION;
    }

    // --- results -----------------------------------------------------------------------------------

    /** What an edit leaves: the filing to save, whether it is a new version, and the event. */
    record Edited(Filing filing, boolean newVersion, UnitChanged event) {
    }

    /** What a decommissioning leaves: the filing to save (its retired content, the new version) and the event. */
    record Decommissioned(Filing filing, DecommissionSubmitted event) {
    }

    // --- helpers -----------------------------------------------------------------------------------

    private void require(Act act, FilingState expected) {
        if (next(state, act).isEmpty()) {
            throw new ConflictException("filing.conflict.state", state.name(), expected.name());
        }
    }

    private Filing with(FilingState newState, FilingKind newKind, int newVersionNo, UnitContent newContent,
            LocalDate newDueOn) {
        return new Filing(unitId, organisationId, authority, newContent, newState, newKind, newVersionNo,
                inForceVersionNo, filingNumber, newDueOn, lockVersion);
    }

    private static Map<FilingState, Map<Act, FilingState>> moves() {
        Map<FilingState, Map<Act, FilingState>> moves = new EnumMap<>(FilingState.class);
        for (FilingState s : FilingState.values()) {
            moves.put(s, new EnumMap<>(Act.class));
        }
        moves.get(FilingState.DRAFT).put(Act.EDIT, FilingState.DRAFT);
        moves.get(FilingState.DRAFT).put(Act.SUBMIT, FilingState.SUBMITTED);
        moves.get(FilingState.RETURNED).put(Act.EDIT, FilingState.DRAFT);
        moves.get(FilingState.FILED).put(Act.EDIT, FilingState.DRAFT);
        moves.get(FilingState.FILED).put(Act.DECOMMISSION, FilingState.SUBMITTED);
        moves.get(FilingState.SUBMITTED).put(Act.ACCEPT, FilingState.FILED);
        moves.get(FilingState.SUBMITTED).put(Act.RETURN, FilingState.RETURNED);
        moves.replaceAll((s, m) -> Map.copyOf(m));
        return Map.copyOf(moves);
    }
}
