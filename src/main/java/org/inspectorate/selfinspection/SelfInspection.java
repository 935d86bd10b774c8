package org.inspectorate.selfinspection;

import java.util.List;

import org.inspectorate.campaign.PublishedCampaign;
import org.inspectorate.organisation.Organisation;

/**
 * One operator's self-inspection for one campaign as read: the campaign, the operator, where the report
 * goes, the workspace ({@code null} until the operator starts), every checklist item with its answer, the
 * progress and the status against the deadline.
 */
public record SelfInspection(PublishedCampaign campaign, Organisation organisation, ReportRoute route,
        Workspace workspace, List<ChecklistEntry> entries, Progress progress, SubmissionStatus status) {

    public SelfInspection {
        entries = List.copyOf(entries);
    }

    public boolean started() {
        return workspace != null;
    }

    /** Whether the operator may still answer and edit: started or not, not submitted or accepted, campaign open. */
    public boolean editable() {
        return !campaign.closed() && (workspace == null || workspace.state().editable());
    }
}
