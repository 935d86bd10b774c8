package org.inspectorate.campaign;

import org.inspectorate.system.AuditableEvent;

/** A campaign definition version was published; {@code superseded} is the version it replaced, if any. */
public record CampaignPublished(String code, int version, String sha256, Integer superseded, String actor)
        implements AuditableEvent {

    @Override
    public String action() {
        return "campaign.published";
    }

    @Override
    public String subject() {
        return "campaign:" + code + "/v" + version;
    }

    @Override
    public String detail() {
        return "sha256=" + sha256 + (superseded == null ? "" : " supersedes v" + superseded);
    }
}
