package org.inspectorate.finding;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/** PostgreSQL's stage: one COPY (text format) open for the whole import, written as the report is read. */
final class CopyStage implements StagedImportSession.Stage {

    private final PGCopyOutputStream copy;
    private final Writer out;

    CopyStage(PGConnection pg) {
        try {
            this.copy = new PGCopyOutputStream(pg, StagedMerge.STAGE_COPY, 1 << 16);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY refused", e);
        }
        this.out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public Writer out() {
        return out;
    }

    @Override
    public void end() throws IOException {
        out.flush();
        try {
            copy.endCopy();
        } catch (SQLException e) {
            throw new IOException("COPY failed", e);
        }
    }

    @Override
    public void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // the transaction is rolled back anyway
        }
    }
}
