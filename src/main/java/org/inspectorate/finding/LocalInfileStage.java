package org.inspectorate.finding;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * MariaDB's stage: rows are written to a buffer in memory and sent in chunks of about {@value #CHUNK_BYTES} bytes,
 * each one {@code LOAD DATA LOCAL INFILE} whose "file" is the buffer, handed to the driver as a stream
 * ({@code org.mariadb.jdbc.Statement#setLocalInfileInputStream}): no file is written, memory stays bounded by one
 * chunk, and every statement runs on the import's connection, in its transaction. The server must allow it
 * ({@code local_infile=ON}) and the connection must not forbid it ({@code allowLocalInfile}, on by default):
 * {@link #open} finds out with an empty load, and the caller falls back to JDBC batches when it is refused.
 */
final class LocalInfileStage implements StagedImportSession.Stage {

    /** A chunk's size: a few thousand findings, small beside the heap and large beside a statement's round trip. */
    static final int CHUNK_BYTES = 8 << 20;

    /** A byte buffer that hands its array to the stream without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {

        Buffer(int chunkBytes) {
            super(chunkBytes + (chunkBytes >> 2));
        }

        InputStream contents() {
            return new ByteArrayInputStream(buf, 0, count);
        }
    }

    private final Connection connection;
    private final int chunkBytes;
    private final Buffer buffer;
    private final Writer out;
    private int loads;

    private LocalInfileStage(Connection connection, int chunkBytes) {
        this.connection = connection;
        this.chunkBytes = chunkBytes;
        this.buffer = new Buffer(chunkBytes);
        this.out = new BufferedWriter(new OutputStreamWriter(buffer, StandardCharsets.UTF_8), 1 << 16);
    }

    /** A stage on the import's connection, once an empty load has shown that server and driver accept it. */
    static LocalInfileStage open(Connection connection) throws SQLException {
        return open(connection, CHUNK_BYTES);
    }

    /** As {@link #open(Connection)}, sending every {@code chunkBytes} (tests: chunks of a few rows). */
    static LocalInfileStage open(Connection connection, int chunkBytes) throws SQLException {
        LocalInfileStage stage = new LocalInfileStage(connection, chunkBytes);
        stage.load(InputStream.nullInputStream());
        return stage;
    }

    @Override
    public Writer out() {
        return out;
    }

    @Override
    public void rowEnded() throws IOException {
        // the writer keeps at most its own buffer back: flushed, the chunk ends with a whole row
        if (buffer.size() >= chunkBytes) {
            send();
        }
    }

    @Override
    public void end() throws IOException {
        send();
    }

    @Override
    public void cancel() {
        buffer.reset();
    }

    /** How many loads ran, the empty one of {@link #open} included. */
    int loads() {
        return loads;
    }

    private void send() throws IOException {
        out.flush();
        if (buffer.size() == 0) {
            return;
        }
        try {
            load(buffer.contents());
        } catch (SQLException e) {
            throw new IOException("LOAD DATA failed", e);
        }
        buffer.reset();
    }

    private void load(InputStream rows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(rows);
            statement.execute(StagedMerge.STAGE_LOAD);
            // a LOCAL load turns what would be errors (a value cut, a bad number) into warnings: refused here, as
            // COPY refuses them
            SQLWarning warning = statement.getWarnings();
            if (warning != null) {
                throw new SQLException("LOAD DATA of the import stage warned: " + warning.getMessage());
            }
        }
        loads++;
    }
}
