package org.inspectorate.spotcheck;

/**
 * The inspection methods the notice names (检查方式): 现场询问, 查阅资料, 现场检测, 远程渗透, 代码检测. Remote penetration
 * and code testing need the operator's written authorisation before any finding of theirs is recorded.
 */
public enum InspectionMethod {
    /** 现场询问 */
    INTERVIEW,
    /** 查阅资料 */
    DOCUMENT_REVIEW,
    /** 现场检测 */
    ON_SITE_TESTING,
    /** 远程渗透 */
    REMOTE_PENETRATION,
    /** 代码检测 */
    CODE_TESTING;

    /** Whether findings of this method need a recorded authorisation (授权书), in scope and within its window. */
    public boolean needsAuthorisation() {
        return this == REMOTE_PENETRATION || this == CODE_TESTING;
    }

    public String messageKey() {
        return "spotcheck.method." + name();
    }
}
