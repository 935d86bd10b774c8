package org.inspectorate.notification;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When a deadline is reminded of (提醒): once when it comes within {@link #SOON_DAYS} days (on the day it first does,
 * or the first run after), and once when it has passed, up to {@link #OVERDUE_LOOKBACK_DAYS} days late (a deadline
 * missed longer ago than that when reminders started is left to the overdue lists). Each reminder's key names the
 * record, the due day and the stage, so that a moved deadline is reminded of again and the same one never twice.
 * Plain Java.
 */
final class ReminderPolicy {

    static final int SOON_DAYS = 7;
    static final int OVERDUE_LOOKBACK_DAYS = 30;

    /** Before the deadline, or after it. */
    enum Stage {
        SOON, OVERDUE;

        String keyPart() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private ReminderPolicy() {
    }

    /** The first due day a run on {@code today} reads. */
    static LocalDate from(LocalDate today) {
        return today.minusDays(OVERDUE_LOOKBACK_DAYS);
    }

    /** The last due day a run on {@code today} reads. */
    static LocalDate until(LocalDate today) {
        return today.plusDays(SOON_DAYS);
    }

    /** The stage a deadline on {@code dueOn} is at on {@code today}, or empty when it is not reminded of now. */
    static Optional<Stage> stage(LocalDate dueOn, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, dueOn);
        if (days >= 0 && days <= SOON_DAYS) {
            return Optional.of(Stage.SOON);
        }
        if (days < 0 && -days <= OVERDUE_LOOKBACK_DAYS) {
            return Optional.of(Stage.OVERDUE);
        }
        return Optional.empty();
    }

    /** The key that makes the reminder once-only: what, which record, which due day, which stage. */
    static String key(String topic, String subject, LocalDate dueOn, Stage stage) {
        return "reminder:" + topic + ":" + subject + ":" + dueOn + ":" + stage.keyPart();
    }
}
