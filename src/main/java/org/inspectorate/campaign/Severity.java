package org.inspectorate.campaign;

/** The severity of a finding (风险等级), which sets its rectification deadline through the campaign's SLA. */
public enum Severity {
    HIGH, MEDIUM, LOW;

    public String messageKey() {
        return "campaign.severity." + name();
    }
}
