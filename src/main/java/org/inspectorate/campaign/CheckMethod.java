package org.inspectorate.campaign;

/** How a scoring item or a spot check establishes the facts. */
public enum CheckMethod {
    /** 企业自查上报 */
    SELF_REPORT,
    /** 日常监管 */
    ROUTINE_SUPERVISION,
    /** 现场询问 */
    INTERVIEW,
    /** 查阅资料 */
    DOCUMENT_REVIEW,
    /** 现场检测 */
    ON_SITE_TEST,
    /** 远程渗透 */
    REMOTE_PENETRATION_TEST,
    /** 代码检测 */
    CODE_REVIEW;

    public String messageKey() {
        return "campaign.checkMethod." + name();
    }
}
