package org.inspectorate.finding;

/**
 * A finding to open, as typed by a person, sent to the API or built by another module: raw text,
 * checked field by field when {@link Findings} opens it. Enums by name ({@code HIGH}, {@code VULNERABILITY});
 * {@code references} lists CVE / CNVD / CNNVD identifiers separated by commas or spaces; {@code dueOn}
 * (ISO date) overrides the SLA default; {@code organisationId} may be left out by an operator (their own).
 *
 * @param source    what found it; {@code null} means {@link FindingSource#MANUAL}
 * @param sourceRef the source's own reference (checklist item, spot-check id, report file), free text
 * @param dedupKey  a stable key of the finding within the organisation, required for {@link Findings#upsert}
 */
public record NewFinding(Long organisationId, Long networkUnitId, String asset, String title, String description,
        String category, String severity, String references, String cvssVector, String ownerName,
        String ownerContact, Long ownerUserId, String campaignCode, String dueOn, FindingSource source,
        String sourceRef, String dedupKey) {
}
