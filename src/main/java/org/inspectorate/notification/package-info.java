/**
 * Notifications and reminders (通知与提醒): an in-app inbox per user and e-mail, fed by other modules' typed events
 * after they commit (through the event publication registry, so a mail server that is down delays mail and loses
 * none), and reminders of every deadline the system knows, sent once across several nodes. It listens and reads:
 * nobody depends on it. Adding a kind: a constant in {@link org.inspectorate.notification.NotificationKind}, one
 * listener method in {@code NotificationListeners} (or a {@code DeadlineSource}) and its message keys.
 */
@ApplicationModule(displayName = "Notification", allowedDependencies = {"organisation", "filing", "obligation",
        "finding", "draw", "campaign", "rectification", "spotcheck", "sharing", "system"})
package org.inspectorate.notification;

import org.springframework.modulith.ApplicationModule;
