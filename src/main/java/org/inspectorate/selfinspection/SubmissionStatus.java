package org.inspectorate.selfinspection;

/**
 * An operator's summary report against its deadline, as the regulators' status view shows it
 * (报送情况). OVERDUE: not submitted (or returned and not resubmitted) and the deadline has passed.
 */
public enum SubmissionStatus {
    NOT_STARTED, IN_PROGRESS, SUBMITTED, SUBMITTED_LATE, OVERDUE, ACCEPTED, RETURNED;

    public String messageKey() {
        return "selfinspection.status." + name();
    }
}
