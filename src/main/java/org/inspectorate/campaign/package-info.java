/**
 * Campaigns (检查工作): the Ministry's versioned campaign definitions — focus objects, operator types
 * in scope, the checklist with its legal and standard basis, deadlines per recipient, rectification
 * SLAs, sampling rules and scoring standards — uploaded, published and closed. Depends on
 * {@code organisation}'s public API, {@code finding}'s {@code Severity} (one severity for the whole product; the
 * campaign answers the register's {@code CampaignSla}) and {@code system}.
 */
@ApplicationModule(displayName = "Campaign", allowedDependencies = { "organisation", "finding", "system" })
package org.inspectorate.campaign;

import org.springframework.modulith.ApplicationModule;
