package org.inspectorate.notification;

import java.time.Instant;

/**
 * A notification as its recipient reads it, in the reader's language (站内通知).
 *
 * @param link the record it is about, relative to the application ({@code /network-units/7}), or null
 */
public record InboxEntry(long id, NotificationKind kind, String title, String body, String link, Instant createdAt,
        Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
