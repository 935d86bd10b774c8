package org.inspectorate.draw;

/** Where a draw stands: DRAFT → SCHEDULED (approved, committed) → DRAWN → PUBLISHED (一公开). */
public enum DrawState {
    /** 草稿 */
    DRAFT,
    /** 已批准，已承诺 */
    SCHEDULED,
    /** 已抽取 */
    DRAWN,
    /** 已公开 */
    PUBLISHED;

    public String messageKey() {
        return "draw.state." + name();
    }
}
