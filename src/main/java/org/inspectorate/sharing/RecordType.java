package org.inspectorate.sharing;

/** Which of an operator's records a request may name (调取范围). */
public enum RecordType {
    /** 定级备案: the operator's network units and their filings. */
    FILINGS,
    /** 问题: findings, optionally only some categories or severities. */
    FINDINGS,
    /** 自查报告: self-inspection summary reports. */
    SELF_INSPECTION_REPORTS,
    /** 抽查报告: spot-check reports; refused until the spot-check module lands (docs/sharing.md). */
    SPOT_CHECK_REPORTS;

    /** Whether this product can share records of this type yet. */
    public boolean available() {
        return this != SPOT_CHECK_REPORTS;
    }

    public String messageKey() {
        return "sharing.record." + name();
    }
}
