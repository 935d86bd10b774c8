package org.inspectorate.notification;

import java.util.List;
import java.util.Objects;

/**
 * What a listener or reminder tells its recipients, before it is delivered to each: the kind, the message keys of
 * title and body with their arguments (rendered in the reader's language when read), the link to the record and
 * the key under which a redelivery adds nothing a second time.
 */
record Notice(NotificationKind kind, String titleKey, String bodyKey, List<String> arguments, String link,
        String dedupKey) {

    Notice {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(titleKey);
        Objects.requireNonNull(bodyKey);
        arguments = arguments.stream().map(a -> a == null ? "" : a).toList();
        Objects.requireNonNull(dedupKey);
    }

    /** A notice whose keys are {@code notification.<kind>.title} and {@code .body}. */
    static Notice of(NotificationKind kind, String link, String dedupKey, Object... arguments) {
        String prefix = "notification." + kind.name() + ".";
        return new Notice(kind, prefix + "title", prefix + "body",
                java.util.Arrays.stream(arguments).map(String::valueOf).toList(), link, dedupKey);
    }
}
