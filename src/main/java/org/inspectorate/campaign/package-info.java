/**
 * Campaigns (检查工作): the Ministry's versioned campaign definitions — focus objects, operator types
 * in scope, the checklist with its legal and standard basis, deadlines per recipient, rectification
 * SLAs, sampling rules and scoring standards — uploaded, published and closed. Depends only on
 * {@code organisation}'s public API and {@code system}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaign", allowedDependencies = { "organisation",
        "system" })
package org.inspectorate.campaign;
