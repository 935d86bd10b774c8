package org.inspectorate.filing;

/**
 * Where a filing (备案) stands: DRAFT → SUBMITTED → FILED, or RETURNED for correction (补正) and then
 * edited into a new DRAFT. A version replaced by a later accepted change is SUPERSEDED.
 */
public enum FilingState {
    /** 未提交 */
    DRAFT,
    /** 已提交，待审核 */
    SUBMITTED,
    /** 已退回 */
    RETURNED,
    /** 已备案 */
    FILED,
    /** 已被变更取代 (versions only) */
    SUPERSEDED;

    public String messageKey() {
        return "filing.state." + name();
    }

    public static FilingState parse(String input) {
        try {
            return valueOf(input == null ? "" : input.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("filing.state.invalid", input);
        }
    }
}
