package org.inspectorate.draw;

/**
 * A planned spot check of a published draw as the spot-check module takes it over: the check and the province of
 * the authority that reviews its target's filings ({@code null}: the Ministry).
 */
public record PublishedCheck(PlannedSpotCheck check, String authorityProvinceCode) {
}
