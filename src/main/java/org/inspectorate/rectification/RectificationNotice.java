package org.inspectorate.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.inspectorate.system.AuditableEvent;
import org.inspectorate.system.ConflictException;

/**
 * A rectification notice's life (整改通知书), plain Java: the transition table in one place, each act checking the
 * current state, failing with a {@link ConflictException} that names it, and returning the typed event it caused.
 * {@link NoticeRepository} restores and saves it with its items.
 *
 * <pre>
 * DRAFT ─issue─▶ ISSUED ─read─▶ READ ─reply─▶ REPLIED ─verify─▶ VERIFYING ─(all accepted)─▶ CLOSED
 *                  │              │                                 │                          │
 *                  │              │          RETURNED ◀─(some rejected)┘        reopen (a scan) │
 *                  │              │             │ ◀──────────────────────────────────────────────┘
 *                  └──────────────┴─────────────┴─supersede─▶ SUPERSEDED (a correcting or follow-up notice)
 * </pre>
 * An issued notice never changes what it said (number, findings, basis, deadline as issued): a correction is a new
 * notice; only the granted extension moves the deadline, and the original stays recorded.
 */
final class RectificationNotice {

    /** What can happen to a notice. */
    enum Act { ISSUE, READ, REPLY, REQUEST_EXTENSION, DECIDE_EXTENSION, VERIFY, RETURN, CLOSE, REOPEN, SUPERSEDE }

    private static final Map<NoticeState, Map<Act, NoticeState>> MOVES = new EnumMap<>(NoticeState.class);

    static {
        MOVES.put(NoticeState.DRAFT, Map.of(Act.ISSUE, NoticeState.ISSUED));
        MOVES.put(NoticeState.ISSUED, awaiting(NoticeState.ISSUED, Map.of(Act.READ, NoticeState.READ)));
        MOVES.put(NoticeState.READ, awaiting(NoticeState.READ, Map.of()));
        MOVES.put(NoticeState.RETURNED, awaiting(NoticeState.RETURNED, Map.of()));
        MOVES.put(NoticeState.REPLIED, Map.of(Act.VERIFY, NoticeState.VERIFYING,
                Act.DECIDE_EXTENSION, NoticeState.REPLIED, Act.REOPEN, NoticeState.REPLIED));
        MOVES.put(NoticeState.VERIFYING, Map.of(Act.VERIFY, NoticeState.VERIFYING, Act.RETURN, NoticeState.RETURNED,
                Act.CLOSE, NoticeState.CLOSED, Act.REOPEN, NoticeState.VERIFYING));
        MOVES.put(NoticeState.CLOSED, Map.of(Act.REOPEN, NoticeState.RETURNED));
        MOVES.put(NoticeState.SUPERSEDED, Map.of());
    }

    /** The moves of a state awaiting the operator's reply: reply, ask for and get more time, be superseded. */
    private static Map<Act, NoticeState> awaiting(NoticeState self, Map<Act, NoticeState> more) {
        Map<Act, NoticeState> m = new EnumMap<>(Act.class);
        m.put(Act.REPLY, NoticeState.REPLIED);
        m.put(Act.REQUEST_EXTENSION, self);
        m.put(Act.DECIDE_EXTENSION, self);
        m.put(Act.SUPERSEDE, NoticeState.SUPERSEDED);
        m.put(Act.REOPEN, self);
        m.putAll(more);
        return Map.copyOf(m);
    }

    /** The state {@code act} leads to from {@code from}, or none: the table, for the pages' buttons and the tests. */
    static Optional<NoticeState> next(NoticeState from, Act act) {
        return Optional.ofNullable(MOVES.get(from).get(act));
    }

    /** The acts the table allows from {@code from}. */
    static Set<Act> allowed(NoticeState from) {
        Set<Act> acts = EnumSet.noneOf(Act.class);
        acts.addAll(MOVES.get(from).keySet());
        return acts;
    }

    /** The accountability report (问责情况): who was responsible and what was done about it. */
    record Accountability(String department, String person, String measure) {
    }

    /** The one extension request (延期申请) and, once decided, the decision. */
    record Extension(String reason, LocalDate until, Instant requestedAt, Boolean granted, String decidedBy,
            Instant decidedAt, String refusal) {

        boolean pending() {
            return granted == null;
        }
    }

    /** The notice's number (文号): the authority's short name, the year and the running number. */
    record Number(int year, int seq, String text) {
    }

    private final long id;
    private final Issuer issuer;
    private final long operatorId;
    private final List<LegalBasis> basis;
    private final String body;
    private final LocalDate originalDeadline;
    private final Long supersedesId;
    private final boolean followUp;
    private final List<NoticeItem> items;
    private final int version;
    private NoticeState state;
    private Number number;
    private LocalDate deadline;
    private Long supersededById;
    private String issuedBy;
    private Instant issuedAt;
    private String readBy;
    private Instant readAt;
    private Instant repliedAt;
    private Accountability accountability;
    private Extension extension;
    private Instant closedAt;

    /** The issuing authority (发文机关): its code (a province's, 000000 for the Ministry) and its name. */
    record Issuer(String code, String name) {
    }

    RectificationNotice(long id, Issuer issuer, long operatorId, NoticeState state, Number number,
            List<LegalBasis> basis, String body, LocalDate deadline, LocalDate originalDeadline, Long supersedesId,
            boolean followUp, Long supersededById, List<NoticeItem> items, int version) {
        this.id = id;
        this.issuer = issuer;
        this.operatorId = operatorId;
        this.state = state;
        this.number = number;
        this.basis = List.copyOf(basis);
        this.body = body;
        this.deadline = deadline;
        this.originalDeadline = originalDeadline;
        this.supersedesId = supersedesId;
        this.followUp = followUp;
        this.supersededById = supersededById;
        this.items = new ArrayList<>(items);
        this.version = version;
    }

    /** Restores what happened after drafting (the repository's row). */
    RectificationNotice restoreProgress(String issuedBy, Instant issuedAt, String readBy, Instant readAt,
            Instant repliedAt, Accountability accountability, Extension extension, Instant closedAt) {
        this.issuedBy = issuedBy;
        this.issuedAt = issuedAt;
        this.readBy = readBy;
        this.readAt = readAt;
        this.repliedAt = repliedAt;
        this.accountability = accountability;
        this.extension = extension;
        this.closedAt = closedAt;
        return this;
    }

    /** Issues the draft under its number (下发). */
    NoticeIssued issue(Number assigned, String by, Instant at) {
        move(Act.ISSUE);
        number = assigned;
        issuedBy = by;
        issuedAt = at;
        return new NoticeIssued(id, operatorId, assigned.text(), deadline, supersedesId, followUp);
    }

    /** The operator's first view (已读回执); later views record nothing. */
    Optional<NoticeRead> read(String by, Instant at) {
        if (readAt != null || state != NoticeState.ISSUED) {
            return Optional.empty();
        }
        move(Act.READ);
        readBy = by;
        readAt = at;
        return Optional.of(new NoticeRead(id, operatorId, numberText(), by));
    }

    /**
     * The operator's reply: an answer for every item that needs one ({@code answers}: finding id → what was done),
     * and the accountability report.
     */
    ReplySubmitted reply(Map<Long, String> answers, Map<Long, Integer> evidence, Accountability report, Instant at) {
        move(Act.REPLY);
        int answered = 0;
        for (NoticeItem item : items) {
            if (item.state().needsReply()) {
                item.reply(answers.get(item.findingId()), evidence.getOrDefault(item.findingId(), 0), at);
                answered++;
            }
        }
        accountability = report;
        repliedAt = at;
        return new ReplySubmitted(id, operatorId, numberText(), answered);
    }

    /** The one extension request (只可申请一次) with its reasons and the date asked for. */
    ExtensionRequested requestExtension(String reason, LocalDate until, Instant at) {
        if (extension != null) {
            throw new ConflictException("rectification.conflict.extensionOnce");
        }
        move(Act.REQUEST_EXTENSION);
        extension = new Extension(reason, until, at, null, null, null, null);
        return new ExtensionRequested(id, operatorId, numberText(), until);
    }

    /** The authority's decision on the pending request: granted moves the deadline to the date asked for. */
    ExtensionDecided decideExtension(boolean grant, String refusal, String by, Instant at) {
        if (extension == null || !extension.pending()) {
            throw new ConflictException("rectification.conflict.noPendingExtension");
        }
        move(Act.DECIDE_EXTENSION);
        extension = new Extension(extension.reason(), extension.until(), extension.requestedAt(), grant, by, at,
                grant ? null : refusal);
        if (grant) {
            deadline = extension.until();
        }
        return new ExtensionDecided(id, operatorId, numberText(), grant, deadline);
    }

    /**
     * Verifies the item of {@code findingId} (整改核验): accepted closes it, rejected sends it back with the reason.
     * When no replied item is left, the notice closes (all accepted) or returns to the operator.
     */
    List<AuditableEvent> verify(long findingId, boolean accepted, String reason, String by, Instant at) {
        move(Act.VERIFY);
        NoticeItem item = item(findingId);
        if (item.state() != ItemState.REPLIED) {
            throw new ConflictException("rectification.conflict.itemState", item.state().name());
        }
        item.verify(accepted, reason, by, at);
        List<AuditableEvent> events = new ArrayList<>();
        events.add(new ItemVerified(id, operatorId, findingId, accepted));
        conclude(at).ifPresent(events::add);
        return events;
    }

    /**
     * A closed finding of the notice was reopened: its item needs a reply again; a closed notice returns to the
     * operator, and so does one in verification with nothing left to verify.
     */
    List<AuditableEvent> reopen(long findingId, String reason) {
        NoticeItem item = item(findingId);
        if (item.state() != ItemState.CLOSED || next(state, Act.REOPEN).isEmpty()) {
            return List.of(); // a superseded notice keeps its items as they were
        }
        move(Act.REOPEN);
        item.reopen(reason);
        List<AuditableEvent> events = new ArrayList<>();
        closedAt = null;
        if (state == NoticeState.VERIFYING && items.stream().noneMatch(i -> i.state() == ItemState.REPLIED)) {
            move(Act.RETURN);
        }
        events.add(new ItemReopened(id, operatorId, findingId, state));
        return events;
    }

    /** This notice gives way to {@code successor}, a correction or a follow-up (更正、再次通知). */
    NoticeSuperseded supersede(long successor) {
        move(Act.SUPERSEDE);
        supersededById = successor;
        return new NoticeSuperseded(id, operatorId, numberText(), successor);
    }

    /** Whether the reply is late on {@code today}: awaiting it past the deadline (逾期). */
    boolean overdueOn(LocalDate today) {
        return state.awaitsReply() && deadline.isBefore(today);
    }

    private Optional<AuditableEvent> conclude(Instant at) {
        if (items.stream().anyMatch(i -> i.state() == ItemState.REPLIED)) {
            return Optional.empty();
        }
        if (items.stream().allMatch(i -> i.state() == ItemState.CLOSED)) {
            move(Act.CLOSE);
            closedAt = at;
            return Optional.of(new NoticeClosed(id, operatorId, numberText()));
        }
        move(Act.RETURN);
        int rejected = (int) items.stream().filter(i -> i.state().needsReply()).count();
        return Optional.of(new ReplyReturned(id, operatorId, numberText(), rejected));
    }

    private NoticeItem item(long findingId) {
        return items.stream().filter(i -> i.findingId() == findingId).findFirst()
                .orElseThrow(() -> new ConflictException("rectification.conflict.notCovered", findingId));
    }

    private void move(Act act) {
        NoticeState from = state;
        state = next(from, act).orElseThrow(() -> new ConflictException("rectification.conflict.state",
                act.name(), from.name()));
    }

    private String numberText() {
        return number == null ? "" : number.text();
    }

    long id() {
        return id;
    }

    Issuer issuer() {
        return issuer;
    }

    long operatorId() {
        return operatorId;
    }

    NoticeState state() {
        return state;
    }

    Number number() {
        return number;
    }

    List<LegalBasis> basis() {
        return basis;
    }

    String body() {
        return body;
    }

    LocalDate deadline() {
        return deadline;
    }

    LocalDate originalDeadline() {
        return originalDeadline;
    }

    Long supersedesId() {
        return supersedesId;
    }

    boolean followUp() {
        return followUp;
    }

    Long supersededById() {
        return supersededById;
    }

    List<NoticeItem> items() {
        return List.copyOf(items);
    }

    int version() {
        return version;
    }

    String issuedBy() {
        return issuedBy;
    }

    Instant issuedAt() {
        return issuedAt;
    }

    String readBy() {
        return readBy;
    }

    Instant readAt() {
        return readAt;
    }

    Instant repliedAt() {
        return repliedAt;
    }

    Accountability accountability() {
        return accountability;
    }

    Extension extension() {
        return extension;
    }

    Instant closedAt() {
        return closedAt;
    }
}
