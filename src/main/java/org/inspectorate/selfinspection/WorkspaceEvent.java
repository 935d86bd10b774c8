package org.inspectorate.selfinspection;

import org.inspectorate.organisation.Province;
import org.inspectorate.system.AuditableEvent;

/** A fact about one self-inspection workspace; every one names the workspace the same way in the audit trail. */
public interface WorkspaceEvent extends AuditableEvent {

    /** The workspace it happened to. */
    long workspaceId();

    @Override
    default String subject() {
        return "self-inspection:" + workspaceId();
    }

    /** The recipient as the audit detail names it: the province's code, or MINISTRY. */
    static String recipient(Province province) {
        return province == null ? "MINISTRY" : province.code();
    }
}
