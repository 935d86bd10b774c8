package org.inspectorate.filing;

import java.time.LocalDate;

/**
 * A filing the operator still owes by a day (备案期限): a first filing within 30 days of the grading's review, or a
 * change filing (变更备案) within 30 days of the change; read by the reminders of the notification module.
 *
 * @param kind FIRST for a unit not yet filed, CHANGE (or DECOMMISSION) for a change of a filed one
 */
public record FilingDue(long unitId, long organisationId, String unitName, FilingKind kind, LocalDate dueOn) {
}
