/**
 * Demo data for the {@code demo} profile (the run command): a small but complete directory of
 * regulators, operators and agencies with valid codes, one account per role, the demo operators'
 * network units in every filing state, two self-inspections of the 2018 campaign (one in progress, one
 * submitted), testing agencies with vetted inspectors, draw rules and a published draw. Depends only on
 * the organisation, filing, campaign, finding, self-inspection, agency and draw modules' APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo", allowedDependencies = {"organisation", "filing", "campaign", "finding", "selfinspection", "agency", "draw", "system"})
package org.inspectorate.demo;
