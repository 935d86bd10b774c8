package org.inspectorate.sharing;

import org.inspectorate.system.AuditableEvent;

/** The administration packaged the request's data itself ({@code sharing.data.exported}), watermarked. */
public record SharedDataExported(long requestId, long operatorId, String format, String watermark, int rows) implements AuditableEvent {

    @Override
    public String action() {
        return "sharing.data.exported";
    }

    @Override
    public String subject() {
        return "data-request:" + requestId + "/operator:" + operatorId;
    }

    @Override
    public String detail() {
        return format + ", " + rows + " rows, watermark " + watermark;
    }
}
