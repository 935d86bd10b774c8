/**
 * Demo data for the {@code demo} profile (the run command): a small but complete directory of
 * regulators, operators and agencies with valid codes, and one account per role. Depends only on
 * the organisation module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo", allowedDependencies = {"organisation", "system"})
package org.inspectorate.demo;
