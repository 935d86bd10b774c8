package org.inspectorate.selfinspection;

import java.util.List;

import org.inspectorate.campaign.ChecklistItem;
import org.inspectorate.finding.EvidenceFile;
import org.inspectorate.finding.Finding;

/** A checklist item with the operator's answer (or null), the finding it opened (or null) and its evidence. */
public record ChecklistEntry(ChecklistItem item, ItemAnswer answer, Finding finding, List<EvidenceFile> evidence) {

    public ChecklistEntry {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
