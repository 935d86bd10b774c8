package org.inspectorate.campaign;

/** The status of one uploaded definition version. Published and superseded versions never change. */
public enum VersionStatus {
    DRAFT, PUBLISHED, SUPERSEDED;

    public String messageKey() {
        return "campaign.versionStatus." + name();
    }
}
