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
            row(out, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One prepared item as a line of COPY's text format, the stage's columns in table order. */
    static void row(Writer out, ScanImports.Prepared p) throws IOException {
        ScanImports.Item item = p.item();
        out.write(Long.toString(item.networkUnitId()));
        field(out, p.asset());
        field(out, p.title());
        field(out, p.description());
        field(out, item.category().name());
        field(out, item.severity().name());
        field(out, p.references());
        field(out, p.vector());
        BigDecimal score = p.score();
        field(out, score == null ? null : score.toPlainString());
        field(out, p.sourceRef());
        field(out, item.dedupKey());
        field(out, p.hash());
        field(out, p.dueOn().toString());
        field(out, p.cvssVersion());
        field(out, p.solution());
        field(out, p.evidence());
        field(out, p.flags());
        field(out, item.suppressed() ? "t" : "f");
        field(out, p.suppressionNote());
        field(out, p.allReferencesText());
        field(out, item.scanHost());
        field(out, item.tool());
        out.write('\n');
    }

    private static void field(Writer out, String value) throws IOException {
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
        // no ANALYZE of the stage (it cost 0.6–2 s of statistics on its long texts): no statement below depends on
        // them — each reads the register by key or by primary key through the known table
        long t1 = System.nanoTime();
        int known = register.staged().lookUpKnown(stamp);
        // what the known findings count for before the merge moves them, read by primary key through that table
        Map<FindingTally.Key, Long> before = known == 0 ? Map.of() : register.importingStaged(stamp);
        long t2 = System.nanoTime();
        // keys are unique on both sides: no known key, nothing is unchanged or changed (the two statements are
        // skipped); every staged key known, nothing is new
        int staged = preparer.distinct();
        int unchanged = known == 0 ? 0 : register.staged().mergeUnchanged(stamp);
        int updated = unchanged == known ? 0 : register.staged().mergeChanged(stamp);
        long t3 = System.nanoTime();
        int created = known == staged ? 0 : register.staged().mergeNew(stamp);
        long t4 = System.nanoTime();
        ScanImports.Counts counts = imports.conclude(stamp, target, created, updated, unchanged, preparer,
                before);
        LOG.debug("import {}: end of COPY {} ms, known keys looked up and their counters read {} ms ({} known), "
                + "unchanged and updated {} ms, new {} ms, reopen and not seen {} ms", target.importId(),
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, known,
                (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, (System.nanoTime() - t4) / 1_000_000);
        return counts;
    }
}
