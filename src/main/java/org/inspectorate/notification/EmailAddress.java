package org.inspectorate.notification;

import java.util.Optional;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * An e-mail address as a user types it on the preferences page: one plain address ({@code name@example.cn}), no
 * display name, no list, at most 254 characters. Plain Java over Jakarta Mail's strict parser.
 */
final class EmailAddress {

    static final int MAX_LENGTH = 254;

    private EmailAddress() {
    }

    /** The address, or empty when it does not parse as one plain address. */
    static Optional<String> parse(String text) {
        String address = text.strip();
        if (address.length() > MAX_LENGTH || address.indexOf('@') <= 0) {
            return Optional.empty();
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            if (parsed.getPersonal() != null || !parsed.getAddress().equals(address)
                    || parsed.getAddress().substring(parsed.getAddress().indexOf('@') + 1).indexOf('.') < 0) {
                return Optional.empty();
            }
            return Optional.of(address);
        } catch (AddressException notAnAddress) {
            return Optional.empty();
        }
    }
}
