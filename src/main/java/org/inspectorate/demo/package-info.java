/**
 * Demo data for the {@code demo} profile (the run command): a small but complete directory of
 * regulators, operators and agencies with valid codes, one account per role, and the demo operators'
 * network units in every filing state, and two self-inspections of the 2018 campaign (one in progress, one
 * submitted). Depends only on the organisation, filing, campaign, finding and self-inspection modules' APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo", allowedDependencies = {"organisation", "filing", "campaign", "finding", "selfinspection", "system"})
package org.inspectorate.demo;
