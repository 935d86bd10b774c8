/**
 * Sharing with other departments (协同配合): other departments' data requests (数据调取申请) decided by the operator's
 * communication administration, the grants they become — a jurisdiction of their own, read only inside the approved
 * scope until the end date — the reads recorded for the operator to see, the administration's packaged export, and
 * an operator's record of a request it was asked outside the system. Depends on {@code organisation}, the read APIs
 * of {@code finding}, {@code filing} and {@code selfinspection} (each reads the granted scope in its own SQL) and
 * {@code system}; nothing depends on it (the notification module will listen to its events).
 */
@ApplicationModule(displayName = "Sharing", allowedDependencies = { "organisation", "finding", "filing",
        "selfinspection", "system" })
package org.inspectorate.sharing;

import org.springframework.modulith.ApplicationModule;
