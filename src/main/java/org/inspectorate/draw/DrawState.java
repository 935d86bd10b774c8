package org.inspectorate.draw;

/** Where a draw stands: DRAFT → SCHEDULED (approved, committed) → DRAWN → PUBLISHED (一公开), or SCHEDULED →
 * INFEASIBLE; DRAWN or PUBLISHED → REDRAW_REQUESTED, INFEASIBLE → RETRY_REQUESTED → SCHEDULED again, with a new seed, once another
 * officer approves the re-draw or new attempt. */
public enum DrawState {
    /** 草稿 */
    DRAFT,
    /** 已批准，已承诺 */
    SCHEDULED,
    /** 已抽取 */
    DRAWN,
    /** 已公开 */
    PUBLISHED,
    /** 重新抽取待批准: a re-draw was asked for with a reason; the current round stays in force until another officer approves. */
    REDRAW_REQUESTED,
    /**
     * 抽取无法满足: a run attempt left a drawn target without a team; the attempt is a round with its seed revealed
     * and nothing drawn. A new attempt needs a reason and another officer's approval (REDRAW_REQUESTED).
     */
    INFEASIBLE,
    /**
     * 再次抽取待批准: after an infeasible attempt, a new attempt was asked for with a reason; another officer approves it
     * (a new seed is committed) or refuses it (back to INFEASIBLE). No round is in force meanwhile.
     */
    RETRY_REQUESTED;

    public String messageKey() {
        return "draw.state." + name();
    }
}
