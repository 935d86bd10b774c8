package org.inspectorate.draw;

import org.inspectorate.system.AuditableEvent;

/** Another officer refused a re-draw request: the draw is back where it was, its round still in force. */
public record RedrawRefused(long drawId, String requestedBy, String reason) implements AuditableEvent {

    @Override
    public String action() {
        return "draw.redraw.refused";
    }

    @Override
    public String subject() {
        return "draw:" + drawId;
    }

    @Override
    public String detail() {
        return "requestedBy=" + requestedBy + " reason=" + reason;
    }
}
