/**
 * Dashboards (工作台): the role-aware home page, with the few numbers and links each role needs,
 * read through other modules' public APIs only. Nothing depends on this module.
 */
@ApplicationModule(displayName = "Report", allowedDependencies = { "organisation",
        "filing", "finding", "system" })
package org.inspectorate.report;

import org.springframework.modulith.ApplicationModule;
