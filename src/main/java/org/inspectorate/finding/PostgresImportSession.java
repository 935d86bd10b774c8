package org.inspectorate.finding;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL way: every item goes through COPY (text format) into a temporary table dropped at
 * commit, then {@link FindingRegister}'s set-based statements merge it — unchanged rows only move "last seen",
 * changed rows are refreshed, unknown keys are inserted, each with its history entry in the same statement.
 */
final class PostgresImportSession implements ScanImports.ImportSession {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresImportSession.class);

    private final ScanImports imports;
    private final FindingRegister register;
    private final ImportStamp stamp;
    private final ScanImports.Target target;
    private final ScanImports.Preparer preparer;
    private final PGCopyOutputStream copy;
    private final Writer out;

    PostgresImportSession(ScanImports imports, ImportStamp stamp, ScanImports.Target target,
            PGConnection pg) {
        this.imports = imports;
        this.register = imports.register();
        this.stamp = stamp;
        this.target = target;
        this.preparer = new ScanImports.Preparer(imports, stamp.now());
        register.staged().createStage();
        try {
            this.copy = new PGCopyOutputStream(pg, StagedMerge.STAGE_COPY, 1 << 16);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY refused", e);
        }
        this.out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void add(ScanImports.Item item) {
        ScanImports.Prepared p = preparer.prepare(item);
        if (p == null) {
            return;
        }
        try {
            out.write(Long.toString(item.networkUnitId()));
            field(p.asset());
            field(p.title());
            field(p.description());
            field(item.category().name());
            field(item.severity().name());
            field(p.references());
            field(p.vector());
            BigDecimal score = p.score();
            field(score == null ? null : score.toPlainString());
            field(p.sourceRef());
            field(item.dedupKey());
            field(p.hash());
            field(p.dueOn().toString());
            field(p.cvssVersion());
            field(p.solution());
            field(p.evidence());
            field(p.flags());
            field(item.suppressed() ? "t" : "f");
            field(p.suppressionNote());
            field(p.allReferencesText());
            field(item.scanHost());
            field(item.tool());
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void field(String value) throws IOException {
        out.write('\t');
        if (value == null) {
            out.write("\\N");
            return;
        }
        int n = value.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            String escaped = c == '\\' ? "\\\\" : c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : null;
            if (escaped != null) {
                out.write(value, start, i - start);
                out.write(escaped);
                start = i + 1;
            }
        }
        out.write(value, start, n - start);
    }

    @Override
    public void abort() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // the transaction is rolled back anyway
        }
    }

    @Override
    public ScanImports.Counts finish() {
        long t0 = System.nanoTime();
        try {
            out.flush();
            copy.endCopy();
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("COPY failed", e);
        }
        register.staged().analyseStage();
        Map<FindingTally.Key, Long> before = register.importingStaged(stamp);
        long t1 = System.nanoTime();
        int unchanged = register.staged().mergeUnchanged(stamp);
        long t2 = System.nanoTime();
        // keys are unique on both sides: once every staged row matched unchanged, none is changed or new, and
        // the two joins below (about a second on 100,000 rows) are skipped
        int staged = preparer.distinct();
        int updated = unchanged == staged ? 0 : register.staged().mergeChanged(stamp);
        long t3 = System.nanoTime();
        int created = unchanged + updated == staged ? 0 : register.staged().mergeNew(stamp);
        if (created + updated > 0) {
            register.staged().mergeReferences(stamp);
        }
        long t4 = System.nanoTime();
        ScanImports.Counts counts = imports.conclude(stamp, target, created, updated, unchanged, preparer,
                before);
        LOG.debug("import {}: end of COPY and analyse {} ms, unchanged {} ms, updated {} ms, new {} ms, reopen and "
                + "not seen {} ms", target.importId(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, (System.nanoTime() - t4) / 1_000_000);
        return counts;
    }
}
