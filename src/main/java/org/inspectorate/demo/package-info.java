/**
 * Demo data for the {@code demo} profile (the run command): a small but complete directory of
 * regulators, operators and agencies with valid codes, one account per role, and the demo operators'
 * network units in every filing state. Depends only on the organisation and filing modules' APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo", allowedDependencies = {"organisation", "filing", "system"})
package org.inspectorate.demo;
