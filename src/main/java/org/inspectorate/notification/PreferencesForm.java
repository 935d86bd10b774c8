package org.inspectorate.notification;

import java.util.Arrays;
import java.util.List;

/**
 * The preferences page's form: the kinds ticked for the inbox and for mail (the page shows ticks; the service keeps
 * what is turned off), with the rest as typed.
 */
public record PreferencesForm(String email, String language, boolean digest, List<String> inApp, List<String> byMail,
        int version) {

    public PreferencesForm {
        inApp = inApp == null ? List.of() : List.copyOf(inApp);
        byMail = byMail == null ? List.of() : List.copyOf(byMail);
    }

    static PreferencesForm of(Preferences p) {
        return new PreferencesForm(p.email() == null ? "" : p.email(), p.language(), p.digest(),
                Arrays.stream(NotificationKind.values()).filter(p::inApp).map(Enum::name).toList(),
                Arrays.stream(NotificationKind.values()).filter(k -> p.of(k).byMail()).map(Enum::name).toList(),
                p.version());
    }

    /** The kinds not ticked are the ones turned off. */
    PreferencesInput input() {
        return new PreferencesInput(email, language, digest, unticked(inApp), unticked(byMail), version);
    }

    private static List<String> unticked(List<String> ticked) {
        return Arrays.stream(NotificationKind.values()).map(Enum::name).filter(k -> !ticked.contains(k)).toList();
    }

    public boolean inApp(NotificationKind kind) {
        return inApp.contains(kind.name());
    }

    public boolean byMail(NotificationKind kind) {
        return byMail.contains(kind.name());
    }
}
