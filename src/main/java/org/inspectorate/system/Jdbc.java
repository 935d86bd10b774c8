package org.inspectorate.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcOperations;

/**
 * Conversions between {@link Instant} and JDBC timestamps that behave the same on H2, PostgreSQL and MariaDB, and
 * the bulk insert they all run fast.
 */
public final class Jdbc {

    private Jdbc() {
    }

    public static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** Rows a multi-row insert carries per statement: a few thousand parameters, under every driver's limit. */
    static final int ROWS_PER_INSERT = 200;

    /**
     * Inserts the rows with multi-row {@code VALUES} statements of {@value #ROWS_PER_INSERT} rows: a JDBC batch runs
     * one statement per row on PostgreSQL (whose driver rewrites batches only when told to), which made tens of
     * thousands of rows of one import cost seconds. {@code insert} is the statement up to {@code VALUES}; every row
     * has one value per column it names.
     */
    public static void insertRows(JdbcOperations jdbc, String insert, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int columns = rows.get(0).length;
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            List<Object> args = new ArrayList<>(chunk.size() * columns);
            chunk.forEach(r -> Collections.addAll(args, r));
            jdbc.update(insert + " VALUES " + String.join(", ", Collections.nCopies(chunk.size(), row)),
                    args.toArray());
        }
    }
}
