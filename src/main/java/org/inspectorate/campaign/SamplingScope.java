package org.inspectorate.campaign;

/** Where a sampling rule's quota applies. */
public enum SamplingScope {
    /** Each provincial administration draws in its own province. */
    PER_PROVINCE,
    /** One draw for the whole country. */
    NATIONWIDE;

    public String messageKey() {
        return "campaign.samplingScope." + name();
    }
}
