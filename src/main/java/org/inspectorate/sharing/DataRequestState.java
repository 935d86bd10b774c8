package org.inspectorate.sharing;

/** Where a data request (数据调取申请) stands; a grant (授权) is an APPROVED request until its end date. */
public enum DataRequestState {
    /** 草稿: written, not yet sent to the administration. */
    DRAFT,
    /** 待审批: waiting for the administration's decision. */
    SUBMITTED,
    /** 已批准: a live grant of the approved (possibly narrowed) scope until its end date. */
    APPROVED,
    /** 不予批准: refused with reasons. */
    REFUSED,
    /** 已统一提供: the administration supplied a packaged export itself instead of granting access. */
    PROVIDED,
    /** 已撤销: the administration ended the grant before its end date. */
    REVOKED,
    /** 已到期: the grant's end date has passed. */
    EXPIRED,
    /** 已提供 (单位): an operator asked outside the system shared the data after the administration consented. */
    SHARED;

    public String messageKey() {
        return "sharing.state." + name();
    }
}
