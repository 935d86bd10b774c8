package org.inspectorate.scoring;

import org.inspectorate.system.AuditableEvent;

/** The Ministry imported a version of a scoring standard, replacing the one in force ({@code scoring.standard.imported}). */
record ScoringStandardImported(long standardId, String code, int version, int items, String sha256)
        implements AuditableEvent {

    @Override
    public String action() {
        return "scoring.standard.imported";
    }

    @Override
    public String subject() {
        return "scoring-standard:" + standardId + "/" + code;
    }

    @Override
    public String detail() {
        return "v" + version + " items=" + items + " sha256=" + sha256;
    }
}
