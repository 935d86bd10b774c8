package org.inspectorate.finding;

/** How serious a finding is (风险等级); sets its default rectification deadline. */
public enum Severity {
    HIGH, MEDIUM, LOW;

    public String messageKey() {
        return "finding.severity." + name();
    }
}
