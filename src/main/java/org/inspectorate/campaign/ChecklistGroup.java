package org.inspectorate.campaign;

import java.util.List;

/** A group of checklist items (检查内容分组). */
public record ChecklistGroup(String id, LocalizedText title, List<ChecklistItem> items) {

    public ChecklistGroup {
        items = List.copyOf(items);
    }
}
