package org.inspectorate.notification;

import java.time.Instant;
import java.util.List;

import org.inspectorate.system.ConflictException;

/**
 * One notification in a recipient's inbox (站内通知). Its text is message keys and arguments, rendered in the
 * reader's language when read; its one act is being read.
 */
final class Notification {

    private final long id;
    private final long recipientId;
    private final NotificationKind kind;
    private final String titleKey;
    private final String bodyKey;
    private final List<String> arguments;
    private final String link;
    private final Instant createdAt;
    private Instant readAt;

    Notification(long id, long recipientId, NotificationKind kind, String titleKey, String bodyKey,
            List<String> arguments, String link, Instant createdAt, Instant readAt) {
        this.id = id;
        this.recipientId = recipientId;
        this.kind = kind;
        this.titleKey = titleKey;
        this.bodyKey = bodyKey;
        this.arguments = List.copyOf(arguments);
        this.link = link;
        this.createdAt = createdAt;
        this.readAt = readAt;
    }

    NotificationState state() {
        return readAt == null ? NotificationState.UNREAD : NotificationState.READ;
    }

    /** Marks it read. Not audited: a user's own inbox holds no inspection data and reading it changes no record. */
    void markRead(Instant at) {
        if (!state().mayMoveTo(NotificationState.READ)) {
            throw new ConflictException("notification.conflict.state", state());
        }
        readAt = at;
    }

    long id() {
        return id;
    }

    long recipientId() {
        return recipientId;
    }

    NotificationKind kind() {
        return kind;
    }

    String titleKey() {
        return titleKey;
    }

    String bodyKey() {
        return bodyKey;
    }

    List<String> arguments() {
        return arguments;
    }

    String link() {
        return link;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant readAt() {
        return readAt;
    }
}
