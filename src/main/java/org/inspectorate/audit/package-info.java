/**
 * The tamper-evident audit trail (审计日志): every module's {@link org.inspectorate.system.AuditableEvent}
 * becomes a hash-chained entry. Nobody depends on this module; it listens.
 */
@ApplicationModule(displayName = "Audit")
package org.inspectorate.audit;

import org.springframework.modulith.ApplicationModule;
