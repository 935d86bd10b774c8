package org.inspectorate.campaign;

/** A version of a campaign with its parsed definition and the verbatim text it came from. */
public record CampaignDocument(CampaignSummary campaign, CampaignVersion version, CampaignDefinition definition,
        String text) {
}
