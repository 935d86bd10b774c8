package org.inspectorate.filing;

import java.util.function.Function;

/** Filter parameters of the filing lists and reports (pages and API): a value that does not parse filters nothing. */
final class FilterValues {

    private FilterValues() {
    }

    /**
     * The parsed value, or null when it is blank or not one the parser knows (an old bookmark or a
     * hand-edited address shows the unfiltered list instead of an error).
     */
    static <T> T lenient(String value, Function<String, T> parse) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (InvalidValueException e) {
            return null;
        }
    }
}
