package org.inspectorate.ingest;

import org.inspectorate.system.AuditableEvent;

/**
 * An import landed whole (导入完成): its findings are in the register, those of unmatched hosts wait for
 * assignment, and the operator's import lock is free again.
 */
public record ImportSucceeded(long importId, long organisationId, ImportResult result, String by)
        implements AuditableEvent {

    @Override
    public String action() {
        return "import.succeeded";
    }

    @Override
    public String subject() {
        return "import:" + importId;
    }

    @Override
    public String detail() {
        return result.format() + " " + result.parsed() + " parsed: " + result.created() + " new, " + result.updated()
                + " updated, " + result.unchanged() + " unchanged, " + result.reopened() + " reopened, "
                + result.notSeen() + " not seen, " + result.unmatchedHosts() + " unmatched hosts";
    }

    @Override
    public String actor() {
        return by;
    }
}
