package org.inspectorate.finding;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.Jdbc;
import org.inspectorate.system.Keyset;

/**
 * The orders the findings list offers (排序), each with its key columns on {@code finding} and then {@code id},
 * the tie-breaker, all in the request's direction: the order a keyset ({@code after}) continues and the columns,
 * after the jurisdiction's, of the index that serves it ({@code ix_finding_o_*}, {@code ix_finding_p_*}).
 * The sorts on a column of few values (severity, category, status) take the due date next, so that their
 * filter and the page's default order (due date) read the same index. Severity and CVSS sort on columns the
 * database derives ({@code severity_rank}: HIGH first when ascending; {@code cvss_rank}: -1 for no score).
 */
enum FindingSort {

    TITLE("title", true, Key.TEXT, "title"),
    SEVERITY("severity", true, Key.NUMBER, "severity_rank", Key.DATE, "due_on"),
    CATEGORY("category", true, Key.TEXT, "category", Key.DATE, "due_on"),
    STATUS("status", true, Key.TEXT, "status", Key.DATE, "due_on"),
    CVSS("cvssScore", false, Key.NUMBER, "cvss_rank"),
    DUE("dueOn", true, Key.DATE, "due_on"),
    CREATED("createdAt", false, Key.TIMESTAMP, "created_at"),
    UPDATED("updatedAt", false, Key.TIMESTAMP, "updated_at"),
    /** The overdue list's order: the effective due date of the unresolved ones (more days overdue: ascending). */
    OVERDUE("daysOverdue", true, Key.DATE, "open_due_on");

    /** How one key column's value is read from a row, written into a cursor and read back as a parameter. */
    enum Key {
        TEXT, NUMBER, DATE, TIMESTAMP;

        String read(ResultSet rs, String column) throws SQLException {
            return switch (this) {
                case TEXT -> rs.getString(column);
                case NUMBER -> rs.getBigDecimal(column).stripTrailingZeros().toPlainString();
                case DATE -> rs.getDate(column).toLocalDate().toString();
                case TIMESTAMP -> Jdbc.instant(rs, column).toString();
            };
        }

        Object parameter(String value) {
            return switch (this) {
                case TEXT -> value;
                case NUMBER -> new BigDecimal(value);
                case DATE -> Date.valueOf(LocalDate.parse(value));
                case TIMESTAMP -> Jdbc.ts(Instant.parse(value));
            };
        }
    }

    /** Separates the key values in a cursor's value; the last value may contain it (only text is ever last). */
    private static final String SEPARATOR = "|";

    private final String key;
    private final boolean ascendingFirst;
    private final List<Key> types = new ArrayList<>();
    private final List<String> columns = new ArrayList<>();

    FindingSort(String key, boolean ascendingFirst, Object... typesAndColumns) {
        this.key = key;
        this.ascendingFirst = ascendingFirst;
        for (int i = 0; i < typesAndColumns.length; i += 2) {
            types.add((Key) typesAndColumns[i]);
            columns.add((String) typesAndColumns[i + 1]);
        }
    }

    /** The name in URLs and the API ({@code sort=dueOn}). */
    String key() {
        return key;
    }

    /** The direction this order is first shown in: the most urgent first (HIGH, highest score, earliest due date). */
    boolean ascendingFirst() {
        return ascendingFirst;
    }

    /** The sort a key names; {@code fallback} for none or an unknown one (lists ignore what they do not offer). */
    static FindingSort of(String key, FindingSort fallback) {
        for (FindingSort s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return fallback;
    }

    /** {@code ORDER BY} of the key columns and id on table alias {@code alias}, in the direction. */
    String orderBy(String alias, boolean ascending) {
        String direction = ascending ? " ASC" : " DESC";
        StringBuilder order = new StringBuilder();
        for (String c : columns) {
            order.append(alias).append('.').append(c).append(direction).append(", ");
        }
        return order.append(alias).append(".id").append(direction).toString();
    }

    /** The key columns' names (without id), for the select lists that carry them through a union. */
    List<String> columns() {
        return List.copyOf(columns);
    }

    /** The cursor of a row: its key values and id. */
    Keyset cursor(ResultSet rs) throws SQLException {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            values.add(types.get(i).read(rs, columns.get(i)));
        }
        return new Keyset(String.join(SEPARATOR, values), rs.getLong("id"));
    }

    /**
     * The condition that starts after the cursor, on alias {@code f}: {@code (k1, …, id) > (:v1, …, :id)}
     * written out so that every database here reads it as an index range ({@code k1 >= :v1 AND (k1 > :v1 OR
     * (k1 = :v1 AND …))}); its parameters go into {@code params}.
     *
     * @throws InvalidInputException naming {@code after} when the cursor is not one of this order's
     */
    String after(Keyset cursor, boolean ascending, Map<String, Object> params) {
        String[] values = cursor.value().split(java.util.regex.Pattern.quote(SEPARATOR), columns.size());
        if (values.length != columns.size()) {
            throw invalidCursor();
        }
        Map<String, Object> own = new HashMap<>();
        try {
            for (int i = 0; i < values.length; i++) {
                own.put("seek_" + i, types.get(i).parameter(values[i]));
            }
        } catch (RuntimeException e) { // a number, date or instant that does not parse
            throw invalidCursor();
        }
        own.put("seek_id", cursor.id());
        params.putAll(own);
        String op = ascending ? " > " : " < ";
        String condition = "f.id" + op + ":seek_id";
        for (int i = columns.size() - 1; i >= 0; i--) {
            String c = "f." + columns.get(i);
            condition = c + op + ":seek_" + i + " OR (" + c + " = :seek_" + i + " AND (" + condition + "))";
        }
        String first = columns.isEmpty() ? "f.id" : "f." + columns.get(0);
        String firstValue = columns.isEmpty() ? ":seek_id" : ":seek_0";
        return first + (ascending ? " >= " : " <= ") + firstValue + " AND (" + condition + ")";
    }

    private static InvalidInputException invalidCursor() {
        return new InvalidInputException("after", "list.after.invalid");
    }
}
