package org.inspectorate.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Many rows written straight into a table, in JDBC batches, for list tests that need more rows than a bounded
 * total counts ({@code Total.CAP}); nothing of the application runs, so only a list's reads are under test.
 */
public final class BulkRows {

    private BulkRows() {
    }

    /** Runs {@code insert} (named parameters) once per row 0..count-1 with the parameters {@code row} gives. */
    public static void insert(NamedParameterJdbcTemplate jdbc, String insert, int count,
            IntFunction<Map<String, Object>> row) {
        List<SqlParameterSource> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(new MapSqlParameterSource(row.apply(i)));
            if (batch.size() == 1_000 || i == count - 1) {
                jdbc.batchUpdate(insert, batch.toArray(SqlParameterSource[]::new));
                batch.clear();
            }
        }
    }

    /** Six letters no other fixture uses, to name (and filter) one test's rows on a shared database. */
    public static String token() {
        StringBuilder b = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }
}
