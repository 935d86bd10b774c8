package org.inspectorate.draw;

/** Where a draw stands: DRAFT → SCHEDULED (approved, committed) → DRAWN → PUBLISHED (一公开);
 * DRAWN or PUBLISHED → REDRAW_REQUESTED → SCHEDULED again once another officer approves the re-draw. */
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
    REDRAW_REQUESTED;

    public String messageKey() {
        return "draw.state." + name();
    }
}
