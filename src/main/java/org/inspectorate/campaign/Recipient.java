package org.inspectorate.campaign;

/** Who receives what a deadline asks for. */
public enum Recipient {
    /** 工业和信息化部（网络安全管理局） */
    MINISTRY,
    /** 当地通信管理局 */
    LOCAL_ADMINISTRATION;

    public String messageKey() {
        return "campaign.recipient." + name();
    }
}
