package org.inspectorate.spotcheck;

/** Where a spot check stands: 计划 → 已排期 → 检查中 → 已报告, or 已取消 (with a reason) before it starts. */
public enum SpotCheckState {
    PLANNED, SCHEDULED, IN_PROGRESS, REPORTED, CANCELLED;

    public String messageKey() {
        return "spotcheck.state." + name();
    }
}
