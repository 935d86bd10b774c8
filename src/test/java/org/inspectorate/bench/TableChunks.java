package org.inspectorate.bench;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of several related tables gathered in chunks and written table after table, parents first: a connection runs
 * one COPY (or LOAD DATA) at a time, and a child row's foreign key needs its parent written before it. Memory stays
 * bounded by the chunk size; each chunk is committed.
 */
final class TableChunks implements AutoCloseable {

    private final DatasetRun run;
    private final int size;
    private final Map<String, String[]> columns = new LinkedHashMap<>();
    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();
    private final Map<String, Long> written = new LinkedHashMap<>();
    private int pending;

    TableChunks(DatasetRun run, int size) {
        this.run = run;
        this.size = size;
    }

    /** A table, in the order they are written (parents first). */
    TableChunks table(String table, String... cols) {
        columns.put(table, cols);
        rows.put(table, new ArrayList<>());
        written.put(table, 0L);
        return this;
    }

    /** A row; written with its chunk. A record's rows (a unit and its version) stay in one chunk: see {@link #endOfRecord}. */
    void row(String table, Object... values) {
        rows.get(table).add(values);
        pending++;
    }

    /** The rows of one record are all given: the chunk may be written now. */
    void endOfRecord() {
        if (pending >= size) {
            flush();
        }
    }

    long written(String table) {
        return written.get(table) + rows.get(table).size();
    }

    void flush() {
        for (Map.Entry<String, List<Object[]>> e : rows.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            try (BulkTable t = run.table(e.getKey(), columns.get(e.getKey()))) {
                e.getValue().forEach(t::row);
            }
            written.merge(e.getKey(), (long) e.getValue().size(), Long::sum);
            e.getValue().clear();
        }
        pending = 0;
        try {
            run.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot commit a chunk", e);
        }
    }

    @Override
    public void close() {
        flush();
    }
}
