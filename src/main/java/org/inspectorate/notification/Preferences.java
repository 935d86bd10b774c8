package org.inspectorate.notification;

import java.util.Map;
import java.util.Set;

/**
 * What a user wants to be told and how (通知偏好): the e-mail address (none: no mail), the language of the mail, the
 * daily digest instead of a mail per notification, and per kind whether it goes to the inbox and by mail.
 */
record Preferences(long userId, String email, String language, boolean digest, Map<NotificationKind, Channels> channels,
        int version) {

    static final String DEFAULT_LANGUAGE = "zh-CN";
    static final Set<String> LANGUAGES = Set.of("zh-CN", "en");

    /** Both channels of one kind. */
    record Channels(boolean inApp, boolean byMail) {
        static final Channels DEFAULT = new Channels(true, true);
    }

    Preferences {
        channels = Map.copyOf(channels);
    }

    /** Until a user saves their own: every kind in the inbox, no mail (no address), Chinese, no digest. */
    static Preferences defaults(long userId) {
        return new Preferences(userId, null, DEFAULT_LANGUAGE, false, Map.of(), 0);
    }

    Channels of(NotificationKind kind) {
        return channels.getOrDefault(kind, Channels.DEFAULT);
    }

    /** Whether a notification of the kind goes to the inbox. */
    boolean inApp(NotificationKind kind) {
        return of(kind).inApp();
    }

    /** Whether a notification of the kind goes by mail: the user gave an address and wants this kind by mail. */
    boolean byMail(NotificationKind kind) {
        return email != null && of(kind).byMail();
    }
}
