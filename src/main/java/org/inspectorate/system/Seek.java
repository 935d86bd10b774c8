package org.inspectorate.system;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The SQL of a list read by seeking ({@link Keyset}): its order on one sort column and the id, the condition
 * that starts after the cursor, and the page built from one extra row read to know whether a next page exists.
 * The condition carries a redundant bound on the sort column ({@code col >= :v AND (col > :v OR (col = :v AND
 * id > :id))}), so that PostgreSQL, MariaDB and H2 all plan it as an index range that starts at the cursor.
 * Only for a sort column that is never null.
 *
 * @param column   the sort column as SQL ({@code u.updated_at})
 * @param idColumn the tie-breaker ({@code u.id})
 * @param value    the cursor's text value as the column's JDBC parameter (bad text: bad input on {@code after})
 */
public record Seek(String column, String idColumn, boolean ascending, Function<String, Object> value) {

    /** A seek on a text column (a name): the cursor holds the text itself. */
    public static Seek text(String column, String idColumn, boolean ascending) {
        return new Seek(column, idColumn, ascending, v -> v);
    }

    /** A seek on a timestamp column: the cursor holds the ISO-8601 instant. */
    public static Seek instant(String column, String idColumn, boolean ascending) {
        return new Seek(column, idColumn, ascending, v -> {
            try {
                return Jdbc.ts(Instant.parse(v));
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("after", "list.after.invalid");
            }
        });
    }

    /** {@code ORDER BY} terms: the sort column, then the id, in the list's direction. */
    public String orderBy() {
        String dir = ascending ? " ASC" : " DESC";
        return column + dir + ", " + idColumn + dir;
    }

    /** The condition {@code " AND (…)"} that starts after the request's cursor, or "" without one. */
    public String condition(PageRequest page) {
        if (!page.seeks()) {
            return "";
        }
        String op = ascending ? ">" : "<";
        return " AND " + column + " " + op + "= :seek_value AND (" + column + " " + op + " :seek_value OR ("
                + column + " = :seek_value AND " + idColumn + " " + op + " :seek_id))";
    }

    /** The parameters of {@link #condition}: none without a cursor. */
    public Map<String, Object> params(PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        if (page.seeks()) {
            params.put("seek_value", value.apply(page.after().value()));
            params.put("seek_id", page.after().id());
        }
        return params;
    }

    /** {@code LIMIT … OFFSET …} reading one row more than the page (no offset when seeking). */
    public static String limit(PageRequest page) {
        return " LIMIT " + (page.size() + 1) + " OFFSET " + page.offset();
    }

    /**
     * The page of {@code fetched} (read with {@link #limit}): the rows up to the page size, the total, and the
     * cursor after the last row shown when there was one more.
     */
    public static <T> PageResult<T> page(List<T> fetched, PageRequest page, Total total, Function<T, Keyset> cursor) {
        boolean more = fetched.size() > page.size();
        List<T> items = more ? fetched.subList(0, page.size()) : fetched;
        return new PageResult<>(items, page.page(), page.size(), total, more ? cursor.apply(items.get(items.size() - 1))
                : null);
    }
}
