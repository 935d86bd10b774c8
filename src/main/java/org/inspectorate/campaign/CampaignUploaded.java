package org.inspectorate.campaign;

import org.inspectorate.system.AuditableEvent;

/** A campaign definition version was uploaded as a draft. */
public record CampaignUploaded(String code, int version, String sha256, String actor) implements AuditableEvent {

    @Override
    public String action() {
        return "campaign.uploaded";
    }

    @Override
    public String subject() {
        return "campaign:" + code + "/v" + version;
    }

    @Override
    public String detail() {
        return "sha256=" + sha256;
    }
}
