/**
 * Rectification notices and closing the loop (整改通知书、整改核验、闭环): an authority issues a numbered notice to an
 * operator covering findings of the register, the operator replies per finding with its accountability report (问责)
 * and may ask once for more time, the authority verifies each item (accepted items close their finding through the
 * {@code finding} module's API), and overdue notices are listed with the legal consequence and followed up.
 * Depends on {@code finding} (the findings covered, their lifecycle and evidence files), {@code organisation} and
 * {@code system}; publishes typed events the {@code notification} module listens to.
 */
@ApplicationModule(displayName = "Rectification", allowedDependencies = {"finding", "organisation", "system"})
package org.inspectorate.rectification;

import org.springframework.modulith.ApplicationModule;
