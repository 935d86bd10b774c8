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

    void createStage() {
        jdbc.sql("DROP TABLE IF EXISTS " + STAGE).update();
        jdbc.sql("""
                CREATE TEMPORARY TABLE finding_import_stage (
                    network_unit_id BIGINT NOT NULL, asset VARCHAR(300), title VARCHAR(500) NOT NULL,
                    description TEXT, category VARCHAR(40) NOT NULL, severity VARCHAR(10) NOT NULL,
                    vuln_refs VARCHAR(1000), cvss_vector VARCHAR(200), cvss_score DECIMAL(3,1),
                    source_ref VARCHAR(200), dedup_key VARCHAR(200) NOT NULL, content_hash VARCHAR(64) NOT NULL,
                    due_on DATE NOT NULL, cvss_version VARCHAR(3), solution TEXT, evidence TEXT,
                    data_flags VARCHAR(200), suppressed BOOLEAN NOT NULL, suppression_note VARCHAR(2000),
                    all_refs TEXT, scan_host VARCHAR(255), scan_tool VARCHAR(200)) ON COMMIT DROP""").update();
    }

    void analyseStage() {
        jdbc.sql("ANALYZE " + STAGE).update();
    }

    /** Staged findings the register has with the same content: only "last seen" moves; how many. */
    int mergeUnchanged(ImportStamp stamp) {
        return jdbc.sql("""
                UPDATE finding f SET last_seen_at = :now, last_import_id = :import, not_seen = FALSE,
                    scan_host = s.scan_host, scan_tool = s.scan_tool
                FROM finding_import_stage s
                WHERE f.organisation_id = :org AND f.dedup_key = s.dedup_key AND f.content_hash = s.content_hash""")
                .params(stamp.params()).update();
    }

    /** Staged findings the register has with other content: refreshed with a history line each; how many. */
    int mergeChanged(ImportStamp stamp) {
        return jdbc.sql("""
                WITH changed AS (
                    UPDATE finding f SET network_unit_id = s.network_unit_id, asset = s.asset, title = s.title,
                        description = s.description, category = s.category, severity = s.severity,
                        vuln_refs = s.vuln_refs, cvss_vector = s.cvss_vector, cvss_score = s.cvss_score,
                        cvss_version = s.cvss_version, solution = s.solution, evidence = s.evidence,
                        data_flags = s.data_flags, suppressed = s.suppressed, suppression_note = s.suppression_note,
                        source_ref = s.source_ref, content_hash = s.content_hash, scan_format = :format,
                        updated_at = :now, version = f.version + 1, last_seen_at = :now, last_import_id = :import,
                        not_seen = FALSE, scan_host = s.scan_host, scan_tool = s.scan_tool
                    FROM finding_import_stage s
                    WHERE f.organisation_id = :org AND f.dedup_key = s.dedup_key
                      AND f.content_hash IS DISTINCT FROM s.content_hash
                    RETURNING f.id)
                INSERT INTO finding_event (finding_id, occurred_at, actor_name, action, from_status, to_status, note)
                SELECT id, :now, :by, :refreshed, NULL, NULL, :note FROM changed""")
                .params(stamp.params()).update();
    }

    /** Staged findings new to the register: opened with their first history line; how many. */
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
                    WHERE NOT EXISTS (SELECT 1 FROM finding f
                                      WHERE f.organisation_id = :org AND f.dedup_key = s.dedup_key)
                    RETURNING id)
                INSERT INTO finding_event (finding_id, occurred_at, actor_name, action, from_status, to_status, note)
                SELECT id, :now, :by, :opened, NULL, :open, :note FROM fresh""")
                .params(stamp.params()).update();
    }

    /**
     * The staged references of the findings this import refreshed or opened (their {@code updated_at} is the
     * import's): the old rows deleted, every id inserted, two set-based statements.
     */
    void mergeReferences(ImportStamp stamp) {
        String changed = """
                SELECT f.id FROM finding f JOIN finding_import_stage s ON f.dedup_key = s.dedup_key
                WHERE f.organisation_id = :org AND f.last_import_id = :import AND f.updated_at = :now""";
        jdbc.sql("DELETE FROM finding_reference WHERE finding_id IN (" + changed + ")").params(stamp.params())
                .update();
        jdbc.sql("""
                INSERT INTO finding_reference (finding_id, ref)
                SELECT DISTINCT f.id, r.ref FROM finding_import_stage s
                JOIN finding f ON f.organisation_id = :org AND f.dedup_key = s.dedup_key
                CROSS JOIN LATERAL unnest(string_to_array(s.all_refs, ' ')) AS r(ref)
                WHERE s.all_refs IS NOT NULL AND f.last_import_id = :import AND f.updated_at = :now""")
                .params(stamp.params()).update();
    }
}
