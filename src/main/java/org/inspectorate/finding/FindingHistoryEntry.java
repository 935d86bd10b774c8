package org.inspectorate.finding;

import java.time.Instant;

/** One change in a finding's history: who, when, what, from which status to which, and the note. */
public record FindingHistoryEntry(Instant at, String by, String action, FindingStatus from, FindingStatus to,
        String note) {

    public String messageKey() {
        return "finding.action." + action;
    }
}
