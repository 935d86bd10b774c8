package org.inspectorate.sharing;

/** How a request reached the system. */
public enum Channel {
    /** 部门申请: another department's user asked in the system. */
    DEPARTMENT,
    /** 单位登记: an operator asked directly records the outside request and asks the administration's consent. */
    OPERATOR_RECORDED
}
