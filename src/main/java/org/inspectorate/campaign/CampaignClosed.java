package org.inspectorate.campaign;

import org.inspectorate.system.AuditableEvent;

/** A campaign was closed: nothing more may be submitted for it. */
public record CampaignClosed(String code, int publishedVersion, String actor) implements AuditableEvent {

    @Override
    public String action() {
        return "campaign.closed";
    }

    @Override
    public String subject() {
        return "campaign:" + code;
    }

    @Override
    public String detail() {
        return "published v" + publishedVersion;
    }
}
