package org.inspectorate.notification;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a notification stands in its recipient's inbox: UNREAD → READ, and no way back. */
enum NotificationState {
    UNREAD, READ;

    private static final Map<NotificationState, Set<NotificationState>> MOVES = new EnumMap<>(Map.of(
            UNREAD, EnumSet.of(READ),
            READ, EnumSet.noneOf(NotificationState.class)));

    boolean mayMoveTo(NotificationState next) {
        return MOVES.get(this).contains(next);
    }
}
