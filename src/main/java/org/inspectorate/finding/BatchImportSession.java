package org.inspectorate.finding;

import java.sql.Date;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.system.Jdbc;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The portable way (H2, MariaDB): items are merged in chunks of {@value ScanImports#CHUNK} — one query
 * finds the chunk's existing keys, then JDBC batches touch, refresh or insert the rows and write their
 * history entries. Memory stays bounded by the chunk (plus the set of keys already seen).
 */
final class BatchImportSession implements ScanImports.ImportSession {

    private final ScanImports imports;
    private final String by;
    private final ScanImports.Target target;
    private final Instant now;
    private final ScanImports.Preparer preparer;
    private final List<ScanImports.Prepared> chunk = new ArrayList<>();
    private final String note;
    private int created;
    private int updated;
    private int unchanged;

    BatchImportSession(ScanImports imports, String by, ScanImports.Target target, Instant now) {
        this.imports = imports;
        this.by = by;
        this.target = target;
        this.now = now;
        this.preparer = new ScanImports.Preparer(imports, now);
        this.note = "IMPORT " + target.format() + " " + target.importId();
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

    private record Existing(long id, String hash) {
    }

    private void flush() {
        if (chunk.isEmpty()) {
            return;
        }
        Map<String, Existing> existing = new HashMap<>();
        imports.jdbc().sql("""
                SELECT id, dedup_key, content_hash FROM finding
                WHERE organisation_id = :org AND dedup_key IN (:keys)""")
                .param("org", target.organisationId())
                .param("keys", chunk.stream().map(p -> p.item().dedupKey()).toList())
                .query((rs, n) -> existing.put(rs.getString("dedup_key"),
                        new Existing(rs.getLong("id"), rs.getString("content_hash"))))
                .list();
        List<SqlParameterSource> touch = new ArrayList<>();
        List<SqlParameterSource> refresh = new ArrayList<>();
        List<SqlParameterSource> refreshed = new ArrayList<>();
        List<SqlParameterSource> insert = new ArrayList<>();
        for (ScanImports.Prepared p : chunk) {
            Existing e = existing.get(p.item().dedupKey());
            if (e == null) {
                insert.add(values(p));
            } else if (p.hash().equals(e.hash())) {
                touch.add(new MapSqlParameterSource("id", e.id()).addValue("now", Jdbc.ts(now))
                        .addValue("import", target.importId()));
            } else {
                refresh.add(values(p).addValue("id", e.id()));
                refreshed.add(event(e.id(), "refreshed", null));
            }
        }
        var named = imports.named();
        if (!touch.isEmpty()) {
            named.batchUpdate("""
                    UPDATE finding SET last_seen_at = :now, last_import_id = :import, not_seen = FALSE
                    WHERE id = :id""", touch.toArray(SqlParameterSource[]::new));
        }
        if (!refresh.isEmpty()) {
            named.batchUpdate("""
                    UPDATE finding SET network_unit_id = :unit, asset = :asset, title = :title,
                        description = :description, category = :category, severity = :severity, vuln_refs = :refs,
                        cvss_vector = :vector, cvss_score = :score, source_ref = :sourceRef, content_hash = :hash,
                        scan_format = :format, updated_at = :now, version = version + 1, last_seen_at = :now,
                        last_import_id = :import, not_seen = FALSE
                    WHERE id = :id""", refresh.toArray(SqlParameterSource[]::new));
            named.batchUpdate(EVENT, refreshed.toArray(SqlParameterSource[]::new));
        }
        if (!insert.isEmpty()) {
            named.batchUpdate("""
                    INSERT INTO finding (organisation_id, network_unit_id, asset, title, description, category,
                        severity, vuln_refs, cvss_vector, cvss_score, source, source_ref, dedup_key, status, due_on,
                        created_by, created_at, updated_at, version, last_seen_at, last_import_id, not_seen,
                        content_hash, scan_format)
                    VALUES (:org, :unit, :asset, :title, :description, :category, :severity, :refs, :vector, :score,
                        'IMPORT', :sourceRef, :dedup, 'OPEN', :due, :by, :now, :now, 0, :now, :import, FALSE, :hash,
                        :format)""", insert.toArray(SqlParameterSource[]::new));
            List<SqlParameterSource> opened = new ArrayList<>();
            imports.jdbc().sql("""
                    SELECT id FROM finding WHERE organisation_id = :org AND dedup_key IN (:keys)""")
                    .param("org", target.organisationId())
                    .param("keys", insert.stream().map(s -> s.getValue("dedup")).toList())
                    .query(Long.class).list()
                    .forEach(id -> opened.add(event(id, "opened", "OPEN")));
            named.batchUpdate(EVENT, opened.toArray(SqlParameterSource[]::new));
        }
        created += insert.size();
        updated += refresh.size();
        unchanged += touch.size();
        chunk.clear();
    }

    private static final String EVENT = """
            INSERT INTO finding_event (finding_id, occurred_at, actor_name, action, from_status, to_status, note)
            VALUES (:finding, :now, :by, :action, NULL, :to, :note)""";

    private MapSqlParameterSource event(long id, String action, String to) {
        return new MapSqlParameterSource("finding", id).addValue("now", Jdbc.ts(now)).addValue("by", by)
                .addValue("action", action).addValue("to", to).addValue("note", note);
    }

    private MapSqlParameterSource values(ScanImports.Prepared p) {
        ScanImports.Item i = p.item();
        return new MapSqlParameterSource("org", target.organisationId()).addValue("unit", i.networkUnitId())
                .addValue("asset", p.asset()).addValue("title", p.title()).addValue("description", p.description())
                .addValue("category", i.category().name()).addValue("severity", i.severity().name())
                .addValue("refs", p.references()).addValue("vector", p.vector()).addValue("score", p.score())
                .addValue("sourceRef", p.sourceRef()).addValue("dedup", i.dedupKey()).addValue("hash", p.hash())
                .addValue("due", Date.valueOf(p.dueOn())).addValue("by", by).addValue("now", Jdbc.ts(now))
                .addValue("import", target.importId()).addValue("format", target.format());
    }

    @Override
    public ScanImports.Counts finish() {
        flush();
        return imports.conclude(by, target, now, created, updated, unchanged, preparer.repeated);
    }
}
