package org.inspectorate.demo;

import java.time.Clock;
import java.time.LocalDate;

import org.inspectorate.campaign.Campaigns;
import org.inspectorate.campaign.LocalizedText;

/**
 * The demo's current-year campaign (本年度检查工作): built from the shipped 2018 campaign, which stays as
 * history, for the year of the application's clock, with every deadline after today, so that a newcomer's demo
 * shows work in progress rather than every self-inspection overdue. Idempotent: an existing campaign of the
 * code is left alone. The demo's self-inspections, findings and notices belong to it.
 */
class DemoCampaigns {

    static final String HISTORY = "NSC-2018";

    private final Campaigns campaigns;
    private final Clock clock;

    DemoCampaigns(Campaigns campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** The code of the demo's current campaign: {@code NSC-<year of the clock>} (the 2018 one before 2019). */
    static String current(Clock clock) {
        int year = LocalDate.now(clock).getYear();
        return year <= 2018 ? HISTORY : "NSC-" + year;
    }

    /** Installs and publishes the current campaign; its code when this run did, otherwise null. */
    String load() {
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        if (year <= 2018) {
            return null;
        }
        LocalizedText title = new LocalizedText(year + "年电信和互联网行业网络安全检查",
                year + " network security inspection of the telecom and internet industry");
        return campaigns.installFollowing(HISTORY, current(clock), year, title, today.plusDays(1)) ? current(clock) : null;
    }
}
