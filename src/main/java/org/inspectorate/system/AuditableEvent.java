package org.inspectorate.system;

/**
 * An application event that belongs in the audit trail (审计日志). Every module publishes one for
 * each state change and for each view or export of inspection results; the audit module records
 * it synchronously, in the publishing transaction, so that no change escapes the trail.
 */
public interface AuditableEvent {

    /** What happened, as a dotted name: {@code organisation.created}, {@code signin.failed}. */
    String action();

    /** What it happened to: {@code organisation:42}, {@code user:zhangsan}. */
    String subject();

    /** Short human-readable detail; never a password, token or secret. */
    default String detail() {
        return "";
    }

    /** Whether the action succeeded. */
    default Outcome outcome() {
        return Outcome.SUCCESS;
    }

    /**
     * Who did it, when the event knows better than the security context (a failed sign-in names
     * the username tried); {@code null} means "the signed-in user".
     */
    default String actor() {
        return null;
    }

    enum Outcome { SUCCESS, FAILURE, DENIED }
}
