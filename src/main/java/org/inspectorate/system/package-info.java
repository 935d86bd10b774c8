/**
 * Cross-cutting web configuration and the few shared types every module may use: the audit event
 * contract, JDBC time helpers, the not-found exception and the problem-details error handling.
 * An open module with no dependency on any other.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.inspectorate.system;
