/**
 * The findings register (问题台账): one register for every source — self-inspection, spot check,
 * imported tool report, manual entry — with each finding's lifecycle (OPEN → FIXED | MITIGATED →
 * VERIFIED → CLOSED, REOPENED on a failed re-check), rectification SLAs, accountability record (问责),
 * full history and evidence files. Depends on {@code organisation}, {@code filing} (network units) and
 * {@code system}; a campaign's SLA days reach it through {@link org.inspectorate.finding.CampaignSla}, which the
 * campaign module implements.
 */
@ApplicationModule(displayName = "Finding", allowedDependencies = { "organisation",
        "filing", "system" })
package org.inspectorate.finding;

import org.springframework.modulith.ApplicationModule;
