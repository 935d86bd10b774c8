package org.inspectorate.selfinspection;

import org.inspectorate.organisation.Province;

/** How the self-inspection events name a workspace and a recipient in the audit trail, written once. */
final class WorkspaceAudit {

    private WorkspaceAudit() {
    }

    /** The audit subject of a workspace, the same for every workspace event. */
    static String subject(long workspaceId) {
        return "self-inspection:" + workspaceId;
    }

    /** The recipient as the audit detail names it: the province's code, or MINISTRY. */
    static String recipient(Province province) {
        return province == null ? "MINISTRY" : province.code();
    }
}
