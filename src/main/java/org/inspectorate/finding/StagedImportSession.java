package org.inspectorate.finding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staged way (PostgreSQL, MariaDB): every item is written as a line of COPY's text format into a {@link Stage}
 * (PostgreSQL: COPY into a temporary table; MariaDB: chunks of {@code LOAD DATA LOCAL INFILE} streamed from memory),
 * then {@link StagedMerge}'s set-based statements merge it — unchanged rows only move "last seen", changed rows are
 * refreshed, unknown keys are inserted, each with its history entry.
 */
final class StagedImportSession implements ScanImports.ImportSession {

    private static final Logger LOG = LoggerFactory.getLogger(StagedImportSession.class);

    /** Where the rows go: the database's bulk path into the stage table that {@link StagedMerge} created. */
    interface Stage {

        /** Where the rows are written, one line each. */
        Writer out();

        /** After each whole row: a stage that sends in chunks sends here. */
        default void rowEnded() throws IOException {
        }

        /** Every row is in the stage table. */
        void end() throws IOException;

        /** Gives up (the import failed part-way; its transaction rolls back). */
        void cancel();
    }

    private final ScanImports imports;
    private final FindingRegister register;
    private final StagedMerge merge;
    private final ImportStamp stamp;
    private final ScanImports.Target target;
    private final ScanImports.Preparer preparer;
    private final Stage stage;

    /** A session on a stage already created ({@link StagedMerge#createStage()}) and opened on it. */
    StagedImportSession(ScanImports imports, ImportStamp stamp, ScanImports.Target target, StagedMerge merge,
            Stage stage) {
        this.imports = imports;
        this.register = imports.register();
        this.merge = merge;
        this.stamp = stamp;
        this.target = target;
        this.preparer = new ScanImports.Preparer(imports, stamp.now());
        this.stage = stage;
    }

    /** The stage the rows go to. */
    Stage stage() {
        return stage;
    }

    @Override
    public void add(ScanImports.Item item) {
        ScanImports.Prepared p = preparer.prepare(item);
        if (p == null) {
            return;
        }
        try {
            row(stage.out(), p);
            stage.rowEnded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One prepared item as a line of COPY's text format ({@link StagedMerge#STAGE_COLUMNS} in order), which MariaDB's
     * LOAD DATA reads as well: the boolean as {@code 1}/{@code 0}, which both read.
     */
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
        field(out, item.suppressed() ? "1" : "0");
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
        stage.cancel();
    }

    @Override
    public ScanImports.Counts finish() {
        long t0 = System.nanoTime();
        try {
            stage.end();
        } catch (IOException e) {
            throw new IllegalStateException("staging the import failed", e);
        }
        // no ANALYZE of the stage (it cost 0.6–2 s of statistics on its long texts): no statement below depends on
        // them — each reads the register by key or by primary key through the known table
        long t1 = System.nanoTime();
        int known = merge.lookUpKnown(stamp);
        // what the known findings count for before the merge moves them, read by primary key through that table
        Map<FindingTally.Key, Long> before = known == 0 ? Map.of() : register.importingStaged(merge, stamp);
        long t2 = System.nanoTime();
        // keys are unique on both sides: no known key, nothing is unchanged or changed (the two statements are
        // skipped); every staged key known, nothing is new
        int staged = preparer.distinct();
        int unchanged = known == 0 ? 0 : merge.mergeUnchanged(stamp);
        int updated = unchanged == known ? 0 : merge.mergeChanged(stamp);
        long t3 = System.nanoTime();
        int created = known == staged ? 0 : merge.mergeNew(stamp);
        long t4 = System.nanoTime();
        ScanImports.Counts counts = imports.conclude(stamp, target, created, updated, unchanged, preparer,
                before);
        long t5 = System.nanoTime();
        if (merge.dialect() == StagedMerge.Dialect.MARIADB) {
            merge.dropStage();
        }
        LOG.debug("import {}: end of {} {} ms, known keys looked up and their counters read {} ms ({} known), "
                + "unchanged and updated {} ms, new {} ms, reopen and not seen {} ms", target.importId(),
                merge.dialect() == StagedMerge.Dialect.MARIADB ? "LOAD DATA" : "COPY", (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, known, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000);
        return counts;
    }
}
