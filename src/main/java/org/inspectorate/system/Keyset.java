package org.inspectorate.system;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The position after which the next page of a list starts (seek pagination): the sort value of the
 * last row shown and its id, which breaks ties. Lists query {@code WHERE (sort_col, id) > (:value, :id)}
 * (or the expanded {@code sort_col > :value OR (sort_col = :value AND id > :id)}, which every database
 * here plans as an index range) and so read one page of the index, however deep the page.
 *
 * <p>In a URL it is the opaque {@code after} parameter ({@link #token()}); a token that does not decode
 * is bad input, answered as such (never a server error). The sort value is text: each list renders and
 * parses its own sort column's values (an ISO timestamp, a severity's rank, a name).
 */
public record Keyset(String value, long id) {

    public Keyset {
        if (value == null) {
            value = "";
        }
    }

    /** URL-safe token carrying the value and the id; what a list's JSON carries as its {@code next} cursor. */
    @JsonValue
    public String token() {
        String plain = id + ":" + value;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor a token names; null for a blank token (the first page).
     *
     * @throws InvalidInputException with field {@code after} when the token is not one of ours
     */
    public static Keyset parse(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            if (colon <= 0) {
                throw invalid();
            }
            return new Keyset(plain.substring(colon + 1), Long.parseLong(plain.substring(0, colon)));
        } catch (IllegalArgumentException e) { // bad Base64 or a bad number
            throw invalid();
        }
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException("after", "list.after.invalid");
    }
}
