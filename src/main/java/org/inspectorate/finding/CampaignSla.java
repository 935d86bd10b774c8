package org.inspectorate.finding;

import java.util.Map;
import java.util.Optional;

/**
 * The rectification deadlines (整改时限) a published campaign sets per severity, as the register needs them when a
 * finding names its campaign. The register asks; the campaign module answers, so that the campaign depends on the
 * register's API and not the other way round.
 */
public interface CampaignSla {

    /**
     * Days allowed to rectify a finding of each severity under the published campaign {@code campaignCode}; empty
     * when no campaign of that code is published.
     */
    Optional<Map<Severity, Integer>> slaDays(String campaignCode);
}
