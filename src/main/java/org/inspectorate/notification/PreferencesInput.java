package org.inspectorate.notification;

import java.util.List;

/**
 * A preferences form or API body as typed: the address (blank: no mail), the mail's language, the digest, the kinds
 * muted in the inbox and the kinds not mailed, and the version as last read.
 */
record PreferencesInput(String email, String language, boolean digest, List<String> mutedInApp,
        List<String> mutedByMail, int version) {

    PreferencesInput {
        mutedInApp = mutedInApp == null ? List.of() : List.copyOf(mutedInApp);
        mutedByMail = mutedByMail == null ? List.of() : List.copyOf(mutedByMail);
    }
}
