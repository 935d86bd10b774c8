package org.inspectorate.notification;

import org.inspectorate.notification.NotificationRepository.MailState;

/**
 * How one notice reaches one recipient, by their preferences: whether it is kept in the inbox, and whether it is
 * mailed now, kept for the daily digest, or not mailed. A notice that goes nowhere is not kept at all. Plain Java.
 */
final class DeliveryPolicy {

    private DeliveryPolicy() {
    }

    /** Where the notice goes: to the inbox or not, and its mail state; {@code null} when it goes nowhere. */
    record Route(boolean inApp, MailState mail) {
    }

    static Route route(Preferences preferences, NotificationKind kind) {
        boolean inApp = preferences.inApp(kind);
        MailState mail = !preferences.byMail(kind) ? MailState.NONE
                : preferences.digest() ? MailState.DIGEST : MailState.PENDING;
        return !inApp && mail == MailState.NONE ? null : new Route(inApp, mail);
    }
}
