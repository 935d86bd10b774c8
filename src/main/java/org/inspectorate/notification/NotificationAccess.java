package org.inspectorate.notification;

import org.inspectorate.organisation.Actor;

/**
 * Who may do what with notifications: the one place of this module's rules, asked by {@link Notifications} and the
 * pages. Every signed-in account has an inbox and preferences of its own, whatever its roles; nobody reads another's
 * (the repository reads a notification only with its recipient's id, so another's answers 404). Who is told of what
 * is {@link Recipients}' rule.
 */
final class NotificationAccess {

    private NotificationAccess() {
    }

    /** Whether the actor has an inbox: a real account (not the installation's or a fixture's stand-in). */
    static boolean hasInbox(Actor actor) {
        return actor.userId() > 0;
    }

    /** The recipient id the actor's inbox reads: their own account. */
    static long recipientOf(Actor actor) {
        return actor.userId();
    }
}
