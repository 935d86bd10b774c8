package org.inspectorate.campaign;

import java.util.List;

/**
 * One item of the self-inspection checklist (检查项). Its {@code id} is stable across versions of the
 * campaign, so answers and findings can refer to it.
 */
public record ChecklistItem(String id, String groupId, LocalizedText text, List<BasisReference> basis) {

    public ChecklistItem {
        basis = List.copyOf(basis);
    }
}
