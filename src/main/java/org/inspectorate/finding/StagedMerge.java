package org.inspectorate.finding;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements of a scanner import on PostgreSQL (扫描结果入库): the session streams the report's items with COPY
 * into a temporary stage, and these merge it into the register set-wise (unchanged, changed, new, references).
 * Part of {@link FindingRegister}, the one writer of {@code finding}: only it makes one ({@link FindingRegister#staged()}),
 * kept apart so that neither file outgrows a reader.
 */
final class StagedMerge {

    private final JdbcClient jdbc;

    StagedMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The temporary table a PostgreSQL import streams its items into (dropped at commit). */
    static final String STAGE = "finding_import_stage";

    /** The statement that streams the stage's rows (text format, the columns in table order). */
    static final String STAGE_COPY = "COPY " + STAGE + " FROM STDIN";

    /**
     * The register's findings among the staged keys (id, stored and staged content hash, the host and tool the
     * import saw), filled once by {@link #lookUpKnown}: every later statement reads the register through it, by
     * primary key, and never by the organisation's rows.
     */
    static final String KNOWN = "finding_import_known";

    void createStage() {
        jdbc.sql("DROP TABLE IF EXISTS " + STAGE).update();
        jdbc.sql("DROP TABLE IF EXISTS " + KNOWN).update();
        jdbc.sql("""
                CREATE TEMPORARY TABLE finding_import_stage (
                    network_unit_id BIGINT NOT NULL, asset VARCHAR(300), title VARCHAR(500) NOT NULL,
                    description TEXT, category VARCHAR(40) NOT NULL, severity VARCHAR(10) NOT NULL,
                    vuln_refs VARCHAR(1000), cvss_vector VARCHAR(200), cvss_score DECIMAL(3,1),
                    source_ref VARCHAR(200), dedup_key VARCHAR(200) NOT NULL, content_hash VARCHAR(64) NOT NULL,
                    due_on DATE NOT NULL, cvss_version VARCHAR(3), solution TEXT, evidence TEXT,
                    data_flags VARCHAR(200), suppressed BOOLEAN NOT NULL, suppression_note VARCHAR(2000),
                    all_refs TEXT, scan_host VARCHAR(255), scan_tool VARCHAR(200)) ON COMMIT DROP""").update();
        jdbc.sql("""
                CREATE TEMPORARY TABLE finding_import_known (
                    dedup_key VARCHAR(200) NOT NULL, id BIGINT NOT NULL, stored_hash VARCHAR(64),
                    content_hash VARCHAR(64) NOT NULL, scan_host VARCHAR(255), scan_tool VARCHAR(200)) ON COMMIT DROP""")
                .update();
    }

    /**
     * Looks every staged key up in the register, one probe of {@code uk_finding_dedup} per staged row (the
     * {@code LIMIT} keeps the lateral look-up a per-row probe whatever the planner believes of the organisation's
     * rows: written as a join, it was planned as a read of the operator's whole register whenever the table's
     * statistics predated the operator's latest imports, and grew with the register); how many are known.
     */
    int lookUpKnown(ImportStamp stamp) {
        return jdbc.sql("""
                INSERT INTO finding_import_known (dedup_key, id, stored_hash, content_hash, scan_host, scan_tool)
                SELECT s.dedup_key, f.id, f.content_hash, s.content_hash, s.scan_host, s.scan_tool
                FROM finding_import_stage s
                CROSS JOIN LATERAL (SELECT id, content_hash FROM finding
                                    WHERE organisation_id = :org AND dedup_key = s.dedup_key LIMIT 1) f""")
                .params(stamp.params()).update();
    }

    /** Known findings the stage has with the same content: only "last seen" moves; how many. */
    int mergeUnchanged(ImportStamp stamp) {
        return jdbc.sql("""
                UPDATE finding f SET last_seen_at = :now, last_import_id = :import, not_seen = FALSE,
                    scan_host = k.scan_host, scan_tool = k.scan_tool
                FROM finding_import_known k
                WHERE f.id = k.id AND k.stored_hash = k.content_hash""")
                .params(stamp.params()).update();
    }

    /**
     * Known findings the stage has with other content: refreshed with a history line each, their references
     * replaced; how many.
     */
    int mergeChanged(ImportStamp stamp) {
        int changed = jdbc.sql("""
                WITH changed AS (
                    UPDATE finding f SET network_unit_id = s.network_unit_id, asset = s.asset, title = s.title,
                        description = s.description, category = s.category, severity = s.severity,
                        vuln_refs = s.vuln_refs, cvss_vector = s.cvss_vector, cvss_score = s.cvss_score,
                        cvss_version = s.cvss_version, solution = s.solution, evidence = s.evidence,
                        data_flags = s.data_flags, suppressed = s.suppressed, suppression_note = s.suppression_note,
                        source_ref = s.source_ref, content_hash = s.content_hash, scan_format = :format,
                        updated_at = :now, version = f.version + 1, last_seen_at = :now, last_import_id = :import,
                        not_seen = FALSE, scan_host = s.scan_host, scan_tool = s.scan_tool
                    FROM finding_import_known k JOIN finding_import_stage s ON s.dedup_key = k.dedup_key
                    WHERE f.id = k.id AND k.stored_hash IS DISTINCT FROM k.content_hash
                    RETURNING f.id)
                INSERT INTO finding_event (finding_id, occurred_at, actor_name, action, from_status, to_status, note)
                SELECT id, :now, :by, :refreshed, NULL, NULL, :note FROM changed""")
                .params(stamp.params()).update();
        if (changed > 0) {
            String ids = "SELECT id FROM finding_import_known WHERE stored_hash IS DISTINCT FROM content_hash";
            jdbc.sql("DELETE FROM finding_reference WHERE finding_id IN (" + ids + ")").update();
            jdbc.sql("""
                    INSERT INTO finding_reference (finding_id, ref)
                    SELECT DISTINCT k.id, r.ref
                    FROM finding_import_known k JOIN finding_import_stage s ON s.dedup_key = k.dedup_key
                    CROSS JOIN LATERAL unnest(string_to_array(s.all_refs, ' ')) AS r(ref)
                    WHERE k.stored_hash IS DISTINCT FROM k.content_hash AND s.all_refs IS NOT NULL""").update();
        }
        return changed;
    }

    /**
     * Staged findings new to the register (not among the known): opened with their first history line and their
     * references, in one statement; how many. A staged row's references are distinct already (the preparer's), so
     * they need no {@code DISTINCT} (a sort of every reference of the report, spilled to disk at 165,000).
     */
    int mergeNew(ImportStamp stamp) {
        return jdbc.sql("""
                WITH fresh AS (
                    INSERT INTO finding (organisation_id, network_unit_id, asset, title, description, category,
                        severity, vuln_refs, cvss_vector, cvss_score, source, source_ref, dedup_key, status, due_on,
                        created_by, created_at, updated_at, version, last_seen_at, last_import_id, not_seen,
                        content_hash, scan_format, cvss_version, solution, evidence, data_flags, suppressed,
                        suppression_note, scan_host, scan_tool, province_code)
                    SELECT :org, s.network_unit_id, s.asset, s.title, s.description, s.category, s.severity,
                        s.vuln_refs, s.cvss_vector, s.cvss_score, :source, s.source_ref, s.dedup_key, :open,
                        s.due_on, :by, :now, :now, 0, :now, :import, FALSE, s.content_hash, :format, s.cvss_version,
                        s.solution, s.evidence, s.data_flags, s.suppressed, s.suppression_note, s.scan_host,
                        s.scan_tool, """ + FindingRegister.PROVINCE + """
                    FROM finding_import_stage s
                    WHERE NOT EXISTS (SELECT 1 FROM finding_import_known k WHERE k.dedup_key = s.dedup_key)
                    RETURNING id, dedup_key),
                history AS (
                    INSERT INTO finding_event (finding_id, occurred_at, actor_name, action, from_status, to_status,
                        note)
                    SELECT id, :now, :by, :opened, NULL, :open, :note FROM fresh),
                refs AS (
                    INSERT INTO finding_reference (finding_id, ref)
                    SELECT n.id, r.ref FROM fresh n JOIN finding_import_stage s ON s.dedup_key = n.dedup_key
                    CROSS JOIN LATERAL unnest(string_to_array(s.all_refs, ' ')) AS r(ref)
                    WHERE s.all_refs IS NOT NULL)
                SELECT COUNT(*) FROM fresh""")
                .params(stamp.params()).query(Integer.class).single();
    }
}
