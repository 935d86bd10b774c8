package org.inspectorate.notification;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A deadline a {@link DeadlineSource} found: of which kind and topic (the message keys are
 * {@code notification.reminder.<topic>.<stage>.title|body}), the record it belongs to, its due day, the message
 * arguments (the due day is added as the last), the link, and who is told.
 */
record DueDeadline(NotificationKind kind, String topic, String subject, LocalDate dueOn, List<String> arguments,
        String link, Recipients.Audience audience) {

    DueDeadline {
        Objects.requireNonNull(dueOn);
        arguments = List.copyOf(arguments);
    }

    Notice notice(ReminderPolicy.Stage stage) {
        String prefix = "notification.reminder." + topic + "." + stage.keyPart() + ".";
        List<String> args = new java.util.ArrayList<>(arguments);
        args.add(dueOn.toString());
        return new Notice(kind, prefix + "title", prefix + "body", args, link,
                ReminderPolicy.key(topic, subject, dueOn, stage));
    }
}
