package org.inspectorate.finding;

/** What kind of problem a finding is (问题类别). */
public enum Category {
    WEAK_PASSWORD, VULNERABILITY, MISCONFIGURATION, MANAGEMENT_GAP, PERSONAL_INFORMATION;

    public String messageKey() {
        return "finding.category." + name();
    }
}
