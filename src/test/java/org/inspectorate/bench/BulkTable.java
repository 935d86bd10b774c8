package org.inspectorate.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;

import org.inspectorate.system.Jdbc;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The rows of one table written in bulk, never through the application: PostgreSQL's {@code COPY … FROM STDIN}
 * (the driver's CopyManager), MariaDB's {@code LOAD DATA LOCAL INFILE} (a CSV file per chunk, the connection opened
 * with {@code allowLocalInfile=true}), JDBC batches on H2. Values are Java values (String, Long, Integer, Boolean,
 * BigDecimal, Instant, LocalDate, or null); each writer spells them as its database reads them.
 */
abstract class BulkTable implements AutoCloseable {

    /** The databases the product runs on. */
    enum Vendor {
        POSTGRESQL, MARIADB, H2;

        static Vendor of(Connection connection) throws SQLException {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            return product.contains("postgres") ? POSTGRESQL : product.contains("maria") || product.contains("mysql")
                    ? MARIADB : H2;
        }
    }

    final String table;
    final String[] columns;
    long rows;

    BulkTable(String table, String[] columns) {
        this.table = table;
        this.columns = columns;
    }

    static BulkTable open(Connection connection, Vendor vendor, String table, String... columns) {
        try {
            return switch (vendor) {
                case POSTGRESQL -> new Copy(connection, table, columns);
                case MARIADB -> new LoadData(connection, table, columns);
                case H2 -> new Batch(connection, table, columns);
            };
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot open the bulk writer of " + table, e);
        }
    }

    /** One row, its values in the order of the columns. */
    final void row(Object... values) {
        if (values.length != columns.length) {
            throw new IllegalArgumentException(table + ": " + columns.length + " columns, " + values.length + " values");
        }
        try {
            write(values);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot write a row of " + table, e);
        }
        rows++;
    }

    abstract void write(Object[] values) throws SQLException, IOException;

    abstract void finish() throws SQLException, IOException;

    @Override
    public final void close() {
        try {
            finish();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot finish the bulk write of " + table + " after " + rows + " rows", e);
        }
    }

    /** CSV of one field, quoted where it must be; {@code nullText} for null. */
    static void csv(StringBuilder out, Object v, String nullText, boolean backslashEscapes, ZoneId zone) {
        if (v == null) {
            out.append(nullText);
        } else if (v instanceof String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    out.append("\"\"");
                } else if (backslashEscapes && c == '\\') {
                    out.append("\\\\");
                } else if (backslashEscapes && c == '\n') {
                    out.append("\\n");
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        } else if (v instanceof Boolean b) {
            out.append(backslashEscapes ? (b ? "1" : "0") : (b ? "t" : "f"));
        } else if (v instanceof Instant t) {
            out.append(zone == null ? t.toString() : LOCAL.format(LocalDateTime.ofInstant(t, zone)));
        } else {
            // numbers, LocalDate (ISO)
            out.append(v);
        }
    }

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private static String columnList(String[] columns) {
        return "(" + String.join(", ", columns) + ")";
    }

    /** PostgreSQL: one COPY per table, CSV, fed in chunks of about a megabyte. */
    static final class Copy extends BulkTable {
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(1 << 21);

        Copy(Connection connection, String table, String[] columns) throws SQLException {
            super(table, columns);
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " " + columnList(columns) + " FROM STDIN (FORMAT csv)");
        }

        @Override
        void write(Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append(',');
                }
                csv(buffer, values[i], "", false, null);
            }
            buffer.append('\n');
            if (buffer.length() > 1 << 20) {
                flush();
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }

        @Override
        void finish() throws SQLException {
            flush();
            copy.endCopy();
        }
    }

    /** MariaDB: CSV chunks of {@value #CHUNK} rows in a temporary file, each loaded with LOAD DATA LOCAL INFILE. */
    static final class LoadData extends BulkTable {
        static final int CHUNK = 200_000;
        private final Connection connection;
        private final Path file;
        private final StringBuilder line = new StringBuilder(4096);
        private final ZoneId zone = ZoneId.systemDefault();
        private BufferedWriter out;
        private int inChunk;

        LoadData(Connection connection, String table, String[] columns) throws IOException {
            super(table, columns);
            this.connection = connection;
            this.file = Files.createTempFile("national-" + table + "-", ".csv");
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }

        @Override
        void write(Object[] values) throws IOException, SQLException {
            line.setLength(0);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    line.append(',');
                }
                // DATETIME keeps the wall-clock time of the JVM's zone, as the application writes it (Jdbc.ts)
                csv(line, values[i], "\\N", true, zone);
            }
            line.append('\n');
            out.append(line);
            if (++inChunk == CHUNK) {
                load();
            }
        }

        private void load() throws IOException, SQLException {
            out.close();
            if (inChunk > 0) {
                try (Statement s = connection.createStatement()) {
                    s.execute("LOAD DATA LOCAL INFILE '" + file.toAbsolutePath().toString().replace("\\", "/")
                            + "' INTO TABLE " + table + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY ','"
                            + " OPTIONALLY ENCLOSED BY '\"' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' "
                            + columnList(columns));
                    if (s.getWarnings() != null) {
                        throw new SQLException("LOAD DATA into " + table + " warned: " + s.getWarnings().getMessage());
                    }
                }
            }
            inChunk = 0;
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }

        @Override
        void finish() throws IOException, SQLException {
            load();
            out.close();
            Files.deleteIfExists(file);
        }
    }

    /** H2 (and anything else): prepared-statement batches of {@value #SIZE} rows. */
    static final class Batch extends BulkTable {
        static final int SIZE = 1000;
        private final PreparedStatement insert;
        private int pending;

        Batch(Connection connection, String table, String[] columns) throws SQLException {
            super(table, columns);
            this.insert = connection.prepareStatement("INSERT INTO " + table + " " + columnList(columns) + " VALUES ("
                    + String.join(", ", Collections.nCopies(columns.length, "?")) + ")");
        }

        @Override
        void write(Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v instanceof Instant t) {
                    insert.setTimestamp(i + 1, Jdbc.ts(t));
                } else if (v instanceof LocalDate d) {
                    insert.setDate(i + 1, Date.valueOf(d));
                } else if (v instanceof BigDecimal n) {
                    insert.setBigDecimal(i + 1, n);
                } else {
                    insert.setObject(i + 1, v);
                }
            }
            insert.addBatch();
            if (++pending == SIZE) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        void finish() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
            }
            insert.close();
        }
    }
}
