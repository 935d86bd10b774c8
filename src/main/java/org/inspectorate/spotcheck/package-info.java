/**
 * Spot checks (抽查): each planned check of a published draw — or one created outside a draw with a recorded reason —
 * becomes a {@code SpotCheck} with its target, units, team, methods, schedule and the documents the operator prepares;
 * the written authorisation of remote penetration and code testing (授权), the confidentiality gate (an inspector
 * sees a check only while assigned and cleared, 保密), findings recorded through the findings register with their
 * on-site notices (现场告知), major problems reported to the Ministry at once (重大问题), and the operator's
 * declaration of the team's discipline (检查纪律). Reads the draw, agency, filing, organisation and finding APIs.
 */
@ApplicationModule(displayName = "Spot check", allowedDependencies = { "system", "organisation", "filing", "agency",
        "draw", "finding", "scoring" })
package org.inspectorate.spotcheck;

import org.springframework.modulith.ApplicationModule;
