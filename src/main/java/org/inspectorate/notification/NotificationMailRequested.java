package org.inspectorate.notification;

/**
 * A notification is to be mailed now. Published in the transaction that keeps the notification, so its mailing is
 * recorded in the event publication registry with it and retried until the mail server takes it. Not audited: it
 * changes no record (the fact it tells of is audited where it happened). Public only so the registry can store and
 * read it back.
 */
public record NotificationMailRequested(long notificationId) {
}
