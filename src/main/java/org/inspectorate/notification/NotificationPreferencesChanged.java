package org.inspectorate.notification;

import org.inspectorate.system.AuditableEvent;

/**
 * A user changed their notification preferences ({@code notification.preferences.changed}); the detail says whether
 * mail is on and the digest chosen, never the address itself.
 */
record NotificationPreferencesChanged(long userId, boolean mail, boolean digest, int kindsChanged)
        implements AuditableEvent {

    @Override
    public String action() {
        return "notification.preferences.changed";
    }

    @Override
    public String subject() {
        return "user:" + userId;
    }

    @Override
    public String detail() {
        return "mail=" + mail + " digest=" + digest + " kinds-changed=" + kindsChanged;
    }
}
