package org.inspectorate.notification;

import org.inspectorate.organisation.Actor;
import org.springframework.stereotype.Component;

/**
 * The unread count in the navigation ({@code layout.html}: {@code ${@notificationBadge.unread()}}), read only when a
 * page renders: one primary-key read of the kept counter, never a count of the inbox.
 */
@Component("notificationBadge")
public class NotificationBadge {

    private final Notifications notifications;

    NotificationBadge(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The signed-in user's unread notifications; 0 for a visitor. */
    public int unread() {
        return Actor.current().map(notifications::unread).orElse(0);
    }
}
