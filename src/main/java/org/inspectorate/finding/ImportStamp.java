package org.inspectorate.finding;

import static org.inspectorate.system.Jdbc.ts;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** What every statement of one scanner import sets: whose findings, which import and format, by whom, when. */
record ImportStamp(long organisationId, long importId, String format, String by, Instant now) {

    /** The note of the history lines the import writes. */
    String note() {
        return "IMPORT " + format + " " + importId;
    }

    Map<String, Object> params() {
        Map<String, Object> p = new HashMap<>();
        p.put("org", organisationId);
        p.put("import", importId);
        p.put("format", format);
        p.put("by", by);
        p.put("now", ts(now));
        p.put("note", note());
        p.put("open", FindingStatus.OPEN.name());
        p.put("source", FindingSource.IMPORT.name());
        p.put("opened", FindingLifecycle.OPENED);
        p.put("refreshed", FindingLifecycle.REFRESHED);
        return p;
    }
}
