package org.inspectorate.campaign;

import java.util.Map;
import java.util.Optional;

import org.inspectorate.finding.CampaignSla;
import org.inspectorate.finding.Severity;
import org.springframework.stereotype.Component;

/** The published campaign's SLA days per severity, for the findings register (整改时限). */
@Component
class PublishedCampaignSla implements CampaignSla {

    private final Campaigns campaigns;

    PublishedCampaignSla(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public Optional<Map<Severity, Integer>> slaDays(String campaignCode) {
        return campaigns.published(campaignCode).map(c -> c.definition().slaDays());
    }
}
