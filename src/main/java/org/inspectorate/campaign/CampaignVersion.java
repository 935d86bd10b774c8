package org.inspectorate.campaign;

import java.time.Instant;

/** One uploaded version of a campaign definition, without its text. */
public record CampaignVersion(String code, int number, VersionStatus status, int year, LocalizedText title,
        String sha256, int sizeBytes, String fileName, String uploadedBy, Instant uploadedAt, String publishedBy,
        Instant publishedAt) {
}
