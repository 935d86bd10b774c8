package org.inspectorate.finding;

import java.time.LocalDate;

/** An unresolved finding and the day its SLA (整改时限) ends; read by the reminders of the notification module. */
public record FindingDue(long findingId, long organisationId, String title, LocalDate dueOn) {
}
