package org.inspectorate.organisation;

import java.util.ArrayList;
import java.util.List;

/**
 * What an attacker knows of the account a password is for, and so tries first: its username, display name and
 * organisation's name (any may be null). The product's names are always added ({@link PasswordStrength}).
 */
public record PasswordContext(String username, String displayName, String organisationName) {

    /** Only the username is known (nothing else has been typed yet). */
    public static PasswordContext of(String username) {
        return new PasswordContext(username, null, null);
    }

    /** The words for the estimator, without nulls. */
    List<String> words() {
        List<String> words = new ArrayList<>(3);
        for (String w : new String[] {username, displayName, organisationName}) {
            if (w != null && !w.isBlank()) {
                words.add(w);
            }
        }
        return words;
    }
}
