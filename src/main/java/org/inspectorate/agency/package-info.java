/**
 * Testing agencies (专业技术机构) and their inspectors: skills, employment history, declared conflicts,
 * vetting (审查) and signed confidentiality commitments (保密承诺书); the eligible inspector pool of a draw.
 * Depends on {@code organisation} and {@code system}.
 */
@ApplicationModule(displayName = "Agency", allowedDependencies = {"organisation", "system"})
package org.inspectorate.agency;

import org.springframework.modulith.ApplicationModule;
