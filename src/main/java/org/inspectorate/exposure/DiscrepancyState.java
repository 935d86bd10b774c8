package org.inspectorate.exposure;

/**
 * Where a filing discrepancy stands (备案不符处理状态): OPEN until the operator acts, DECLARED when a change
 * filing drafted it, FINDING_OPENED when a finding was opened on it, SETTLED once an accepted filing declares it.
 */
public enum DiscrepancyState {
    OPEN, DECLARED, FINDING_OPENED, SETTLED;

    public String messageKey() {
        return "exposure.state." + name();
    }
}
