package org.inspectorate.spotcheck;

import java.time.Instant;
import java.util.Map;

import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;

/**
 * The on-site notice of one finding (现场告知), plain Java: the team tells the operator (when, by which method), the
 * operator acknowledges it (name, time) or refuses with a reason. One table of moves ({@link #MOVES}); a notice is
 * told once and answered once.
 */
final class OnSiteNotice {

    enum Act { TELL, ACKNOWLEDGE, REFUSE }

    /** The state {@code null} is "not told yet". */
    static NoticeState next(NoticeState from, Act act) {
        Map<Act, NoticeState> moves = from == null ? Map.of(Act.TELL, NoticeState.TOLD) : MOVES.get(from);
        NoticeState next = moves.get(act);
        if (next == null) {
            throw new ConflictException("spotcheck.conflict.notice", act.name(), from == null ? "NONE" : from.name());
        }
        return next;
    }

    static final Map<NoticeState, Map<Act, NoticeState>> MOVES = Map.of(
            NoticeState.TOLD, Map.of(Act.ACKNOWLEDGE, NoticeState.ACKNOWLEDGED, Act.REFUSE, NoticeState.REFUSED),
            NoticeState.ACKNOWLEDGED, Map.of(),
            NoticeState.REFUSED, Map.of());

    static final int MAX_NAME = 100;

    private final CheckFinding finding;
    private NoticeState state;

    OnSiteNotice(CheckFinding finding) {
        this.finding = finding;
        this.state = finding.noticeState();
    }

    NoticeState state() {
        return state;
    }

    OnSiteNoticeGiven tell(InspectionMethod method, Instant at) {
        if (method == null) {
            throw new InvalidInputException("method", "spotcheck.field.required");
        }
        state = next(state, Act.TELL);
        return new OnSiteNoticeGiven(finding.spotCheckId(), finding.findingId(), method, at);
    }

    OnSiteNoticeAcknowledged acknowledge(String name) {
        String text = required("name", name, MAX_NAME);
        state = next(state, Act.ACKNOWLEDGE);
        return new OnSiteNoticeAcknowledged(finding.spotCheckId(), finding.findingId(), text);
    }

    OnSiteNoticeRefused refuse(String reason) {
        String text = required("reason", reason, SpotCheck.MAX_REASON);
        state = next(state, Act.REFUSE);
        return new OnSiteNoticeRefused(finding.spotCheckId(), finding.findingId(), text);
    }

    static String required(String field, String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException(field, "spotcheck.field.required");
        }
        if (text.length() > max) {
            throw new InvalidInputException(field, "spotcheck.field.tooLong", max);
        }
        return text;
    }
}
