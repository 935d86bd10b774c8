package org.inspectorate.campaign;

import java.time.Instant;

/**
 * The published definition of a campaign, for other modules' rules (routing, SLAs, sampling, scoring).
 * A closed campaign stays readable; {@link #closed()} tells that nothing more may be submitted.
 */
public record PublishedCampaign(String code, int version, CampaignState state, String sha256, Instant publishedAt,
        CampaignDefinition definition) {

    public boolean closed() {
        return state == CampaignState.CLOSED;
    }
}
