package org.inspectorate.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.inspectorate.system.ConflictException;
import org.junit.jupiter.api.Test;

class NotificationLifecycleTest {

    private static final Instant AT = Instant.parse("2026-06-15T02:00:00Z");

    private static Notification unread() {
        return new Notification(1, 7, NotificationKind.FILING_RETURNED, "t", "b", List.of("a"), "/x", AT, null);
    }

    @Test
    void everyPairOfStatesIsAllowedOnlyFromUnreadToRead() {
        for (NotificationState from : NotificationState.values()) {
            for (NotificationState to : NotificationState.values()) {
                assertThat(from.mayMoveTo(to)).as(from + " -> " + to)
                        .isEqualTo(from == NotificationState.UNREAD && to == NotificationState.READ);
            }
        }
    }

    @Test
    void readingAnUnreadNotificationRecordsWhenAndReadingItAgainIsRefusedNamingItsState() {
        Notification n = unread();
        assertThat(n.state()).isEqualTo(NotificationState.UNREAD);
        n.markRead(AT.plusSeconds(60));
        assertThat(n.state()).isEqualTo(NotificationState.READ);
        assertThat(n.readAt()).isEqualTo(AT.plusSeconds(60));
        assertThatThrownBy(() -> n.markRead(AT.plusSeconds(120))).isInstanceOf(ConflictException.class)
                .hasMessage("notification.conflict.state");
        assertThat(n.readAt()).isEqualTo(AT.plusSeconds(60));
    }
}
