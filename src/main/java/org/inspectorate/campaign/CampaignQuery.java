package org.inspectorate.campaign;

/** Filters of the campaign list: free text on code and titles, and a state; both optional. */
public record CampaignQuery(String text, CampaignState state) {

    public static CampaignQuery all() {
        return new CampaignQuery(null, null);
    }
}
