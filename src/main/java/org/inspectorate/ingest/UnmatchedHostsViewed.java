package org.inspectorate.ingest;

import org.inspectorate.system.AuditableEvent;

/** Someone listed the hosts of an import that no unit matched, on its page or through the API. */
record UnmatchedHostsViewed(long importId, int hosts) implements AuditableEvent {

    @Override
    public String action() {
        return "import.unmatched.viewed";
    }

    @Override
    public String subject() {
        return "import:" + importId;
    }

    @Override
    public String detail() {
        return "hosts=" + hosts;
    }
}
