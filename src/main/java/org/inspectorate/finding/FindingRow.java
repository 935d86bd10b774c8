package org.inspectorate.finding;

import java.time.LocalDate;
import java.util.List;

/** The values of a new finding, checked. */
record FindingRow(long organisationId, long networkUnitId, String asset, String title, String description,
        Category category, Severity severity, List<String> references, CvssScore cvss, String ownerName,
        String ownerContact, Long ownerUserId, String campaignCode, FindingSource source, String sourceRef,
        String dedupKey, LocalDate dueOn) {

    /** The note of the finding's first history line: its source and the source's reference. */
    String openedNote() {
        return source.name() + (sourceRef == null ? "" : " " + sourceRef);
    }
}
