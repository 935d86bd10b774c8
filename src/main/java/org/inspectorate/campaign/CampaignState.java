package org.inspectorate.campaign;

/** Where a campaign stands: drafted, published to everyone, or closed to further submissions. */
public enum CampaignState {
    /** Only drafts so far; the Ministry alone sees it. */
    DRAFT,
    /** A version is published; everyone signed in reads it. */
    PUBLISHED,
    /** Closed: still readable, but nothing more may be submitted for it. */
    CLOSED;

    public String messageKey() {
        return "campaign.state." + name();
    }
}
