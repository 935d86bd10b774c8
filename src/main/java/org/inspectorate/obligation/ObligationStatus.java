package org.inspectorate.obligation;

import java.util.Locale;

import org.inspectorate.filing.DueStatus;
import org.inspectorate.filing.InvalidValueException;

/** Where an obligation stands today: due later, due soon, overdue, or done (a result reported). */
public enum ObligationStatus {
    DUE, DUE_SOON, OVERDUE, DONE;

    public String messageKey() {
        return "obligation.status." + name();
    }

    static ObligationStatus of(DueStatus status) {
        if (status == DueStatus.OVERDUE) {
            return OVERDUE;
        }
        return status == DueStatus.DUE_SOON ? DUE_SOON : DUE;
    }

    /** Accepts {@code DUE_SOON} as well as the URL form {@code due-soon}, in any letter case. */
    public static ObligationStatus parse(String input) {
        String s = input == null ? "" : input.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("obligation.status.invalid", input);
        }
    }
}
