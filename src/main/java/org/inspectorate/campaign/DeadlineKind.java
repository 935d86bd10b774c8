package org.inspectorate.campaign;

/** What is due by a campaign deadline. */
public enum DeadlineKind {
    /** 网络单元定级备案（或变更备案） */
    FILING,
    /** 自查工作总结报告 */
    SELF_INSPECTION_REPORT,
    /** 整改及问责情况报告 */
    RECTIFICATION_REPORT,
    /** 通信管理局检查工作总结报告（报部） */
    PROVINCIAL_SUMMARY;

    public String messageKey() {
        return "campaign.deadlineKind." + name();
    }
}
