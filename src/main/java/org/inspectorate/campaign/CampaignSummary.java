package org.inspectorate.campaign;

import java.time.Instant;

/** A campaign as lists show it. {@code publishedVersion} is null until one is published. */
public record CampaignSummary(String code, int year, LocalizedText title, CampaignState state,
        Integer publishedVersion, int latestVersion, Instant updatedAt, Instant closedAt) {
}
