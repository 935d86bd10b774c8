package org.inspectorate.filing;

import java.util.function.Function;

import org.inspectorate.system.InvalidInputException;

/** Filter parameters of the filing lists and reports (pages and API): a value that does not parse filters nothing. */
public final class FilterValues {

    private FilterValues() {
    }

    /**
     * The parsed value, or null when it is blank or not one the parser knows (an old bookmark or a
     * hand-edited address shows the unfiltered list instead of an error).
     */
    public static <T> T lenient(String value, Function<String, T> parse) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (InvalidValueException e) {
            return null;
        }
    }

    /**
     * The parsed value, or null when none is given; a value the parser does not know is invalid input (the API's
     * 400 problem+json, through the global handler).
     */
    public static <T> T strict(String value, Function<String, T> parse) {
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (InvalidValueException e) {
            throw new InvalidInputException(null, e.code(), e.args());
        }
    }
}
