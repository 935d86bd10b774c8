package org.inspectorate.finding;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements of a staged scanner import (扫描结果入库): the session streams the report's items into a temporary
 * stage (PostgreSQL: COPY; MariaDB: {@code LOAD DATA LOCAL INFILE} from memory), and these merge it into the register
 * set-wise, in the same order on both — the known keys looked up once, then unchanged, changed and new findings with
 * their history and references. What the two databases spell differently is in {@link Dialect} and in the few
 * statements below that switch on it. Part of {@link FindingRegister}, the one writer of {@code finding}: only it
 * makes one ({@link FindingRegister#staged(Dialect)}), kept apart so that neither file outgrows a reader.
 */
final class StagedMerge {

    private static final Logger LOG = LoggerFactory.getLogger(StagedMerge.class);

    /** How the two staging databases spell what differs. */
    enum Dialect {
        /** Temporary tables dropped at commit, {@code LATERAL}, {@code UPDATE … FROM}, data-modifying CTEs. */
        POSTGRESQL("DROP TABLE IF EXISTS ", "TEXT", " ON COMMIT DROP", "k.stored_hash IS DISTINCT FROM k.content_hash"),
        /**
         * MariaDB 10.6+: temporary tables live as long as the connection (dropped by the session at its end), no
         * lateral joins or data-modifying CTEs; {@code STRAIGHT_JOIN} keeps each look-up a probe per staged row, and
         * the stage is keyed by its row number ({@code seq}) so that loading it maintains no secondary index.
         */
        MARIADB("DROP TEMPORARY TABLE IF EXISTS ", "LONGTEXT", "", "NOT (k.stored_hash <=> k.content_hash)");

        private final String dropTemporary;
        private final String text;
        private final String temporarySuffix;
        private final String changed;

        Dialect(String dropTemporary, String text, String temporarySuffix, String changed) {
            this.dropTemporary = dropTemporary;
            this.text = text;
            this.temporarySuffix = temporarySuffix;
            this.changed = changed;
        }

        /** A join of the space-separated references of {@code column} as rows {@code alias.ref}. */
        String references(String column, String alias) {
            return this == POSTGRESQL ? "CROSS JOIN LATERAL unnest(string_to_array(" + column + ", ' ')) AS " + alias
                    + "(ref)"
                    // references are validated ids (letters, digits, dashes): nothing to escape in the JSON array
                    : "CROSS JOIN JSON_TABLE(CONCAT('[\"', REPLACE(" + column + ", ' ', '\",\"'), '\"]'), '$[*]' "
                            + "COLUMNS (ref VARCHAR(40) PATH '$')) " + alias;
        }
    }

    /** The temporary table an import streams its items into. */
    static final String STAGE = "finding_import_stage";

    /**
     * The register's findings among the staged keys (id, stored and staged content hash, the host and tool the
     * import saw), filled once by {@link #lookUpKnown}: every later statement reads the register through it, by
     * primary key, and never by the organisation's rows.
     */
    static final String KNOWN = "finding_import_known";

    /** MariaDB: the findings this import opened, by staged row (what PostgreSQL's {@code RETURNING} hands on). */
    static final String FRESH = "finding_import_fresh";

    /** The stage's columns in the order the session writes them (COPY's and LOAD DATA's text format). */
    static final String STAGE_COLUMNS = "network_unit_id, asset, title, description, category, severity, vuln_refs, "
            + "cvss_vector, cvss_score, source_ref, dedup_key, content_hash, due_on, cvss_version, solution, evidence, "
            + "data_flags, suppressed, suppression_note, all_refs, scan_host, scan_tool";

    /** PostgreSQL: the statement that streams the stage's rows. */
    static final String STAGE_COPY = "COPY " + STAGE + " FROM STDIN";

    /**
     * MariaDB: the statement that loads one chunk of the stage's rows from the stream the session hands the driver
     * (the file name is only a label: no file is read). The format is COPY's text format, which is LOAD DATA's
     * default too: tab between fields, newline between rows, backslash escapes, {@code \N} for NULL.
     */
    static final String STAGE_LOAD = "LOAD DATA LOCAL INFILE '" + STAGE + "' INTO TABLE " + STAGE
            + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
            + STAGE_COLUMNS + ")";

    /** What a changed finding takes from its staged row (target column, value), one list for both dialects. */
    private static final String[][] REFRESHED = {
        {"network_unit_id", "s.network_unit_id"}, {"asset", "s.asset"}, {"title", "s.title"},
        {"description", "s.description"}, {"category", "s.category"}, {"severity", "s.severity"},
        {"vuln_refs", "s.vuln_refs"}, {"cvss_vector", "s.cvss_vector"}, {"cvss_score", "s.cvss_score"},
        {"cvss_version", "s.cvss_version"}, {"solution", "s.solution"}, {"evidence", "s.evidence"},
        {"data_flags", "s.data_flags"}, {"suppressed", "s.suppressed"}, {"suppression_note", "s.suppression_note"},
        {"source_ref", "s.source_ref"}, {"content_hash", "s.content_hash"}, {"scan_format", ":format"},
        {"updated_at", ":now"}, {"version", "f.version + 1"}, {"last_seen_at", ":now"},
        {"last_import_id", ":import"}, {"not_seen", "FALSE"}, {"scan_host", "s.scan_host"},
        {"scan_tool", "s.scan_tool"}};

    /** The new findings of the stage (not among the known), with every value an imported finding opens with. */
    private static final String NEW_FINDINGS = """
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
            WHERE NOT EXISTS (SELECT 1 FROM finding_import_known k WHERE k.dedup_key = s.dedup_key)""";

    private static final String OPENED_HISTORY = "INSERT INTO finding_event (finding_id, occurred_at, actor_name,"
            + " action, from_status, to_status, note) SELECT id, :now, :by, :opened, NULL, :open, :note FROM ";

    private final JdbcClient jdbc;
    private final Dialect dialect;

    StagedMerge(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    void createStage() {
        dropStage();
        boolean maria = dialect == Dialect.MARIADB;
        jdbc.sql(("""
                CREATE TEMPORARY TABLE finding_import_stage (
                    network_unit_id BIGINT NOT NULL, asset VARCHAR(300), title VARCHAR(500) NOT NULL,
                    description %1$s, category VARCHAR(40) NOT NULL, severity VARCHAR(10) NOT NULL,
                    vuln_refs VARCHAR(1000), cvss_vector VARCHAR(200), cvss_score DECIMAL(3,1),
                    source_ref VARCHAR(200), dedup_key VARCHAR(200) NOT NULL, content_hash VARCHAR(64) NOT NULL,
                    due_on DATE NOT NULL, cvss_version VARCHAR(3), solution %1$s, evidence %1$s,
                    data_flags VARCHAR(200), suppressed BOOLEAN NOT NULL, suppression_note VARCHAR(2000),
                    all_refs %1$s, scan_host VARCHAR(255), scan_tool VARCHAR(200)%2$s)%3$s""")
                .formatted(dialect.text, maria ? ", seq BIGINT AUTO_INCREMENT PRIMARY KEY" : "",
                        dialect.temporarySuffix)).update();
        jdbc.sql(("""
                CREATE TEMPORARY TABLE finding_import_known (
                    dedup_key VARCHAR(200) NOT NULL, id BIGINT NOT NULL, stored_hash VARCHAR(64),
                    content_hash VARCHAR(64) NOT NULL, scan_host VARCHAR(255), scan_tool VARCHAR(200)%s)%s""")
                .formatted(maria ? ", seq BIGINT NOT NULL, PRIMARY KEY (dedup_key)" : "", dialect.temporarySuffix))
                .update();
        if (maria) {
            jdbc.sql("CREATE TEMPORARY TABLE finding_import_fresh (seq BIGINT NOT NULL PRIMARY KEY, id BIGINT NOT NULL)")
                    .update();
        }
    }

    /**
     * Drops the stage's tables (PostgreSQL drops them at commit; MariaDB's last as long as the pooled connection).
     * {@code DROP TEMPORARY TABLE} does not end MariaDB's transaction, as a plain {@code DROP TABLE} would.
     */
    void dropStage() {
        for (String table : dialect == Dialect.MARIADB ? new String[] {FRESH, KNOWN, STAGE} : new String[] {KNOWN, STAGE}) {
            jdbc.sql(dialect.dropTemporary + table).update();
        }
    }

    /**
     * Looks every staged key up in the register, one probe of {@code uk_finding_dedup} per staged row (PostgreSQL:
     * the {@code LIMIT} keeps the lateral look-up a per-row probe whatever the planner believes of the organisation's
     * rows — written as a join, it was planned as a read of the operator's whole register whenever the table's
     * statistics predated the operator's latest imports, and grew with the register; MariaDB: {@code STRAIGHT_JOIN}
     * reads the stage first); how many are known.
     */
    int lookUpKnown(ImportStamp stamp) {
        String sql = dialect == Dialect.POSTGRESQL ? """
                INSERT INTO finding_import_known (dedup_key, id, stored_hash, content_hash, scan_host, scan_tool)
                SELECT s.dedup_key, f.id, f.content_hash, s.content_hash, s.scan_host, s.scan_tool
                FROM finding_import_stage s
                CROSS JOIN LATERAL (SELECT id, content_hash FROM finding
                                    WHERE organisation_id = :org AND dedup_key = s.dedup_key LIMIT 1) f"""
                : """
                INSERT INTO finding_import_known (dedup_key, id, stored_hash, content_hash, scan_host, scan_tool, seq)
                SELECT STRAIGHT_JOIN s.dedup_key, f.id, f.content_hash, s.content_hash, s.scan_host, s.scan_tool, s.seq
                FROM finding_import_stage s
                JOIN finding f ON f.organisation_id = :org AND f.dedup_key = s.dedup_key""";
        return jdbc.sql(sql).params(stamp.params()).update();
    }

    /** The lock and grouped read of what the known findings count for ({@code columns}: the counters' key). */
    String knownCountsSql(String columns) {
        String prefixed = Stream.of(columns.split(", ")).map(c -> "f." + c).collect(Collectors.joining(", "));
        // PostgreSQL refuses FOR UPDATE with GROUP BY (the rows are locked in a CTE); MariaDB locks the rows it reads
        return dialect == Dialect.POSTGRESQL
                ? "WITH matched AS (SELECT " + prefixed + " FROM " + KNOWN + " k JOIN finding f ON f.id = k.id"
                        + " WHERE f.organisation_id = :org FOR UPDATE OF f)"
                        + " SELECT " + columns + ", COUNT(*) AS n FROM matched GROUP BY " + columns
                : "SELECT " + prefixed + ", COUNT(*) AS n FROM " + KNOWN + " k STRAIGHT_JOIN finding f ON f.id = k.id"
                        + " WHERE f.organisation_id = :org GROUP BY " + prefixed + " FOR UPDATE";
    }

    /** Known findings the stage has with the same content: only "last seen" moves; how many. */
    int mergeUnchanged(ImportStamp stamp) {
        if (dialect == Dialect.POSTGRESQL) {
            return jdbc.sql("""
                    UPDATE finding f SET last_seen_at = :now, last_import_id = :import, not_seen = FALSE,
                        scan_host = k.scan_host, scan_tool = k.scan_tool
                    FROM finding_import_known k
                    WHERE f.id = k.id AND k.stored_hash = k.content_hash""")
                    .params(stamp.params()).update();
        }
        jdbc.sql("""
                UPDATE finding_import_known k STRAIGHT_JOIN finding f ON f.id = k.id
                SET f.last_seen_at = :now, f.last_import_id = :import, f.not_seen = FALSE,
                    f.scan_host = k.scan_host, f.scan_tool = k.scan_tool
                WHERE k.stored_hash = k.content_hash""")
                .params(stamp.params()).update();
        // counted apart: what MariaDB's UPDATE answers depends on the connection's useAffectedRows
        return jdbc.sql("SELECT COUNT(*) FROM finding_import_known k WHERE k.stored_hash = k.content_hash")
                .query(Integer.class).single();
    }

    /**
     * Known findings the stage has with other content: refreshed with a history line each, their references
     * replaced; how many.
     */
    int mergeChanged(ImportStamp stamp) {
        int changed;
        if (dialect == Dialect.POSTGRESQL) {
            changed = jdbc.sql("WITH changed AS (UPDATE finding f SET " + assignments("")
                    + " FROM finding_import_known k JOIN finding_import_stage s ON s.dedup_key = k.dedup_key"
                    + " WHERE f.id = k.id AND " + dialect.changed + " RETURNING f.id) " + refreshedHistory("changed"))
                    .params(stamp.params()).update();
        } else {
            jdbc.sql("UPDATE finding_import_known k STRAIGHT_JOIN finding f ON f.id = k.id"
                    + " STRAIGHT_JOIN finding_import_stage s ON s.seq = k.seq SET " + assignments("f.")
                    + " WHERE " + dialect.changed).params(stamp.params()).update();
            changed = jdbc.sql(refreshedHistory("finding_import_known k WHERE " + dialect.changed))
                    .params(stamp.params()).update();
        }
        if (changed > 0) {
            String which = " WHERE " + dialect.changed;
            jdbc.sql(dialect == Dialect.POSTGRESQL
                    ? "DELETE FROM finding_reference WHERE finding_id IN (SELECT k.id FROM finding_import_known k"
                            + which + ")"
                    : "DELETE r FROM finding_import_known k STRAIGHT_JOIN finding_reference r ON r.finding_id = k.id"
                            + which).update();
            jdbc.sql("INSERT INTO finding_reference (finding_id, ref) SELECT DISTINCT k.id, r.ref"
                    + " FROM finding_import_known k JOIN finding_import_stage s ON "
                    + (dialect == Dialect.POSTGRESQL ? "s.dedup_key = k.dedup_key " : "s.seq = k.seq ")
                    + dialect.references("s.all_refs", "r") + which + " AND s.all_refs IS NOT NULL").update();
        }
        return changed;
    }

    private static String assignments(String target) {
        return Stream.of(REFRESHED).map(a -> target + a[0] + " = " + a[1]).collect(Collectors.joining(", "));
    }

    private static String refreshedHistory(String from) {
        return "INSERT INTO finding_event (finding_id, occurred_at, actor_name, action, from_status, to_status, note)"
                + " SELECT id, :now, :by, :refreshed, NULL, NULL, :note FROM " + from;
    }

    /**
     * Staged findings new to the register (not among the known): opened with their first history line and their
     * references; how many. A staged row's references are distinct already (the preparer's), so they need no
     * {@code DISTINCT} (a sort of every reference of the report, spilled to disk at 165,000). PostgreSQL does it in
     * one statement; MariaDB finds the new ids by one probe per staged row into {@value #FRESH}.
     */
    int mergeNew(ImportStamp stamp) {
        if (dialect == Dialect.POSTGRESQL) {
            return jdbc.sql("WITH fresh AS (" + NEW_FINDINGS + " RETURNING id, dedup_key), history AS ("
                    + OPENED_HISTORY + "fresh), refs AS (INSERT INTO finding_reference (finding_id, ref)"
                    + " SELECT n.id, r.ref FROM fresh n JOIN finding_import_stage s ON s.dedup_key = n.dedup_key "
                    + dialect.references("s.all_refs", "r") + " WHERE s.all_refs IS NOT NULL)"
                    + " SELECT COUNT(*) FROM fresh")
                    .params(stamp.params()).query(Integer.class).single();
        }
        long t0 = System.nanoTime();
        int created = jdbc.sql(NEW_FINDINGS).params(stamp.params()).update();
        long t1 = System.nanoTime();
        jdbc.sql("""
                INSERT INTO finding_import_fresh (seq, id)
                SELECT STRAIGHT_JOIN s.seq, f.id FROM finding_import_stage s
                JOIN finding f ON f.organisation_id = :org AND f.dedup_key = s.dedup_key
                WHERE NOT EXISTS (SELECT 1 FROM finding_import_known k WHERE k.dedup_key = s.dedup_key)""")
                .params(stamp.params()).update();
        long t2 = System.nanoTime();
        jdbc.sql(OPENED_HISTORY + FRESH).params(stamp.params()).update();
        long t3 = System.nanoTime();
        int refs = jdbc.sql("INSERT INTO finding_reference (finding_id, ref) SELECT n.id, r.ref"
                + " FROM finding_import_fresh n STRAIGHT_JOIN finding_import_stage s ON s.seq = n.seq "
                + dialect.references("s.all_refs", "r") + " WHERE s.all_refs IS NOT NULL").update();
        LOG.debug("import {}: new findings {} ms, their ids {} ms, history {} ms, {} references {} ms", stamp.importId(),
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, refs,
                (System.nanoTime() - t3) / 1_000_000);
        return created;
    }
}
