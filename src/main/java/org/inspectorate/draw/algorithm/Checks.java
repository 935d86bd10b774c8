package org.inspectorate.draw.algorithm;

import java.util.Collection;

/** Constructor checks shared by the draw's value types; failures name the offending field. */
final class Checks {

    private Checks() {
    }

    /** A stable identifier or code: present, not blank, no surrounding whitespace, at most 200 characters. */
    static String code(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (!value.equals(value.strip())) {
            throw new IllegalArgumentException(field + " has leading or trailing whitespace: '" + value + "'");
        }
        if (value.length() > 200) {
            throw new IllegalArgumentException(field + " is longer than 200 characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(field + " contains a control character");
            }
        }
        return value;
    }

    /**
     * {@link #code(String, String)} for a field of an item, e.g. ("target", "42", "operatorId") naming
     * {@code target 42 operatorId}; the name is spelled out only when the check fails (pools hold 100,000 items).
     */
    static String code(String value, String item, String id, String field) {
        if (!isCode(value)) {
            code(value, item + " " + id + " " + field);
        }
        return value;
    }

    static boolean isCode(String value) {
        if (value == null || value.isEmpty() || value.length() > 200 || Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1))) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static <T extends Collection<String>> T codes(T values, String field) {
        if (values == null) {
            throw new IllegalArgumentException(field + " is required (may be empty)");
        }
        for (String v : values) {
            code(v, field + " element");
        }
        return values;
    }

    static int atLeast(int value, int minimum, String field) {
        if (value < minimum) {
            throw new IllegalArgumentException(field + " must be at least " + minimum + ", was " + value);
        }
        return value;
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }
}
