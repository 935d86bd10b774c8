package org.inspectorate.finding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portable way (H2, and a MariaDB that refuses LOAD DATA): items are merged in chunks of
 * {@value ScanImports#CHUNK} — one query finds the chunk's known keys, then {@link FindingRegister}'s JDBC batches touch, refresh or open the rows and
 * write their history entries. Memory stays bounded by the chunk (plus the set of keys already seen).
 */
final class BatchImportSession implements ScanImports.ImportSession {

    private static final Logger LOG = LoggerFactory.getLogger(BatchImportSession.class);

    private final ScanImports imports;
    private final FindingRegister register;
    private final ImportStamp stamp;
    private final ScanImports.Target target;
    private final ScanImports.Preparer preparer;
    private final List<ScanImports.Prepared> chunk = new ArrayList<>();
    /** What the known rows counted for before this import touched them (the counters move at the end). */
    private final Map<FindingTally.Key, Long> before = new HashMap<>();
    private int created;
    private int updated;
    private int unchanged;

    BatchImportSession(ScanImports imports, ImportStamp stamp, ScanImports.Target target) {
        this.imports = imports;
        this.register = imports.register();
        this.stamp = stamp;
        this.target = target;
        this.preparer = new ScanImports.Preparer(imports, stamp.now());
    }

    /** Time spent in each statement kind over the import (look-up, unchanged, updated, new), for the log. */
    private final long[] nanos = new long[4];

    @Override
    public void add(ScanImports.Item item) {
        ScanImports.Prepared p = preparer.prepare(item);
        if (p != null) {
            chunk.add(p);
            if (chunk.size() >= ScanImports.CHUNK) {
                flush();
            }
        }
    }

    private void flush() {
        if (chunk.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        Map<String, FindingRegister.Known> known = register.known(target.organisationId(),
                chunk.stream().map(p -> p.item().dedupKey()).toList());
        Map<Long, ScanImports.Prepared> touch = new LinkedHashMap<>();
        Map<Long, ScanImports.Prepared> refresh = new LinkedHashMap<>();
        List<ScanImports.Prepared> fresh = new ArrayList<>();
        for (ScanImports.Prepared p : chunk) {
            FindingRegister.Known k = known.get(p.item().dedupKey());
            if (k == null) {
                fresh.add(p);
            } else if (p.hash().equals(k.hash())) {
                touch.put(k.id(), p);
            } else {
                refresh.put(k.id(), p);
            }
        }
        List<Long> knownIds = new ArrayList<>(touch.keySet());
        knownIds.addAll(refresh.keySet());
        register.importing(knownIds).forEach((k, n) -> before.merge(k, n, Long::sum));
        long t1 = System.nanoTime();
        register.touchImported(touch, stamp);
        long t2 = System.nanoTime();
        register.refreshImported(refresh, stamp);
        long t3 = System.nanoTime();
        register.openImported(fresh, stamp);
        long t4 = System.nanoTime();
        nanos[0] += t1 - t0;
        nanos[1] += t2 - t1;
        nanos[2] += t3 - t2;
        nanos[3] += t4 - t3;
        created += fresh.size();
        updated += refresh.size();
        unchanged += touch.size();
        chunk.clear();
    }

    @Override
    public ScanImports.Counts finish() {
        flush();
        // the batches run while the report is parsed: these are sums over the import, part of its parse phase
        LOG.debug("import {}: batches look up {} ms, unchanged {} ms, updated {} ms, new {} ms", target.importId(),
                nanos[0] / 1_000_000, nanos[1] / 1_000_000, nanos[2] / 1_000_000, nanos[3] / 1_000_000);
        return imports.conclude(stamp, target, created, updated, unchanged, preparer, before);
    }
}
