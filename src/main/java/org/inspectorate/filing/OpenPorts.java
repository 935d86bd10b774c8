package org.inspectorate.filing;

import java.util.ArrayList;
import java.util.List;

/** A list of open ports and port ranges, e.g. {@code 80,443,8000-8080}; each port 1–65535. */
final class OpenPorts {

    private OpenPorts() {
    }

    /** The canonical text (no spaces, comma-separated), {@code null} when blank, or {@link InvalidValueException}. */
    public static String normalise(String input) {
        if (input == null || input.isBlank()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String raw : input.split("[,，\\s]+")) {
            if (raw.isEmpty()) {
                continue;
            }
            String[] range = raw.split("-", -1);
            if (range.length > 2) {
                throw new InvalidValueException("filing.asset.ports.invalid", input);
            }
            int low = port(range[0], input);
            int high = range.length == 2 ? port(range[1], input) : low;
            if (high < low) {
                throw new InvalidValueException("filing.asset.ports.invalid", input);
            }
            parts.add(low == high ? Integer.toString(low) : low + "-" + high);
        }
        String text = String.join(",", parts);
        if (text.length() > 200) {
            throw new InvalidValueException("filing.asset.ports.tooLong");
        }
        return text.isEmpty() ? null : text;
    }

    private static int port(String s, String input) {
        if (!s.matches("\\d{1,5}")) {
            throw new InvalidValueException("filing.asset.ports.invalid", input);
        }
        int p = Integer.parseInt(s);
        if (p < 1 || p > 65535) {
            throw new InvalidValueException("filing.asset.ports.invalid", input);
        }
        return p;
    }
}
