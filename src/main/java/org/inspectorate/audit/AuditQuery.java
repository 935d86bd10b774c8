package org.inspectorate.audit;

/**
 * The audit page's filter as typed: actor (exact), action and subject (prefixes), outcome, and a date
 * range in China Standard Time, both days included. Blank means "any".
 */
record AuditQuery(String actor, String action, String outcome, String subject, String from, String to) {

    AuditQuery {
        actor = blankToEmpty(actor);
        action = blankToEmpty(action);
        outcome = blankToEmpty(outcome);
        subject = blankToEmpty(subject);
        from = blankToEmpty(from);
        to = blankToEmpty(to);
    }

    static AuditQuery any() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    /** A short, secret-free description of the filter for the trail itself. */
    String describe() {
        StringBuilder text = new StringBuilder();
        append(text, "actor", actor);
        append(text, "action", action);
        append(text, "outcome", outcome);
        append(text, "subject", subject);
        append(text, "from", from);
        append(text, "to", to);
        return text.length() == 0 ? "all" : text.toString();
    }

    private static void append(StringBuilder text, String name, String value) {
        if (!value.isEmpty()) {
            text.append(text.length() == 0 ? "" : " ").append(name).append('=').append(value);
        }
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
