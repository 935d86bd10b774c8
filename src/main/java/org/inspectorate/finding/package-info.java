/**
 * The findings register (问题台账): one register for every source — self-inspection, spot check,
 * imported tool report, manual entry — with each finding's lifecycle (OPEN → FIXED | MITIGATED →
 * VERIFIED → CLOSED, REOPENED on a failed re-check), rectification SLAs, accountability record (问责),
 * full history and evidence files. Depends on {@code organisation}, {@code filing} (network units),
 * {@code campaign} (SLA days) and {@code system}.
 */
@ApplicationModule(displayName = "Finding", allowedDependencies = { "organisation",
        "filing", "campaign", "system" })
package org.inspectorate.finding;

import org.springframework.modulith.ApplicationModule;
