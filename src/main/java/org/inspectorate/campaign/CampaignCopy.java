package org.inspectorate.campaign;

/**
 * What the Ministry types to copy a campaign into another year (复制检查工作): the new campaign's code (such as
 * {@code NSC-2027}), year and title. Kept as typed, for the parser to judge field by field.
 */
public record CampaignCopy(String code, String year, String titleZh, String titleEn) {
}
