package org.inspectorate.selfinspection;

/** A checklist item was answered (again); {@code findingId} is the finding linked to the answer, if any. */
public record ItemAnswered(long workspaceId, String itemId, Answer answer, Long findingId) implements WorkspaceEvent {

    @Override
    public String action() {
        return "selfinspection.answered";
    }

    @Override
    public String detail() {
        return itemId + " " + answer + (findingId == null ? "" : " finding:" + findingId);
    }
}
