package org.inspectorate.finding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portable way (H2, MariaDB): items are merged in chunks of {@value ScanImports#CHUNK} — one query
 * finds the chunk's known keys, then {@link FindingRegister}'s JDBC batches touch, refresh or open the rows and
 * write their history entries. Memory stays bounded by the chunk (plus the set of keys already seen).
 */
final class BatchImportSession implements ScanImports.ImportSession {

    private final ScanImports imports;
    private final FindingRegister register;
    private final ImportStamp stamp;
    private final ScanImports.Target target;
    private final ScanImports.Preparer preparer;
    private final List<ScanImports.Prepared> chunk = new ArrayList<>();
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
        Map<String, FindingRegister.Known> known = register.known(target.organisationId(),
                chunk.stream().map(p -> p.item().dedupKey()).toList());
        List<Long> touch = new ArrayList<>();
        Map<Long, ScanImports.Prepared> refresh = new LinkedHashMap<>();
        List<ScanImports.Prepared> fresh = new ArrayList<>();
        for (ScanImports.Prepared p : chunk) {
            FindingRegister.Known k = known.get(p.item().dedupKey());
            if (k == null) {
                fresh.add(p);
            } else if (p.hash().equals(k.hash())) {
                touch.add(k.id());
            } else {
                refresh.put(k.id(), p);
            }
        }
        register.touchImported(touch, stamp);
        register.refreshImported(refresh, stamp);
        register.openImported(fresh, stamp);
        created += fresh.size();
        updated += refresh.size();
        unchanged += touch.size();
        chunk.clear();
    }

    @Override
    public ScanImports.Counts finish() {
        flush();
        return imports.conclude(stamp, target, created, updated, unchanged, preparer.repeated);
    }
}
