/**
 * Cross-cutting web configuration and the few shared types every module may use: the audit event
 * contract, JDBC time helpers, the not-found exception and the problem-details error handling.
 * An open module with no dependency on any other.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.inspectorate.system;

import org.springframework.modulith.ApplicationModule;
