/**
 * Demo data for the {@code demo} profile (the run command): a small but complete directory of
 * regulators, operators and agencies with valid codes, one account per role, and the demo operators'
 * network units in every filing state, testing agencies with vetted inspectors, draw rules and a published draw.
 * Depends only on the organisation, filing, agency and draw modules' APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo", allowedDependencies = {"organisation", "filing", "agency", "draw", "system"})
package org.inspectorate.demo;
