package org.inspectorate.finding;

import static org.inspectorate.system.Jdbc.ts;

import java.sql.Date;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The one way into the findings register: every write of {@code finding}, {@code finding_event} and
 * {@code finding_reference} — manual entry, self-inspection, the API's upserts and the scanner imports (JDBC batches,
 * and the COPY or LOAD DATA stage merged set-wise) — is a statement of this class. Lifecycle changes arrive as a
 * {@link FindingLifecycle} aggregate and are saved with the history lines its steps noted; the set-based import statements take their
 * statuses and history actions from the same aggregate ({@link FindingLifecycle#reopenedFrom()}).
 */
@Repository
class FindingRegister {

    private static final int BATCH = 500;

    /** The province of the finding's operator, written with the finding: the provincial officers' access path. */
    static final String PROVINCE = "(SELECT p_o.province_code FROM organisation p_o WHERE p_o.id = :org)";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final FindingTally tally;

    FindingRegister(JdbcClient jdbc, NamedParameterJdbcTemplate named, FindingTally tally) {
        this.jdbc = jdbc;
        this.named = named;
        this.tally = tally;
    }

    // --- opening, one by one or batched ---------------------------------------------------------

    private static final String INSERT = """
            INSERT INTO finding (organisation_id, network_unit_id, asset, title, description, category, severity,
                vuln_refs, cvss_vector, cvss_version, cvss_score, owner_name, owner_contact, owner_user_id,
                campaign_code, source, source_ref, dedup_key, status, due_on, created_by, created_at, updated_at, version,
                province_code)
            VALUES (:org, :unit, :asset, :title, :description, :category, :severity, :refs, :vector, :cvssVersion,
                :score, :ownerName, :ownerContact, :ownerUser, :campaign, :source, :sourceRef, :dedup, :open, :due,
                :by, :now, :now, 0, """ + PROVINCE + ")";


    /** Opens a finding (OPEN) with its first history line; its id. */
    long open(FindingRow r, String by, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(INSERT)
                .params(rowParams(r)).param("by", by).param("now", ts(now)).param("open", FindingStatus.OPEN.name())
                .update(keys, "id");
        long id = keys.getKey().longValue();
        tally.added(List.of(id));
        writeReferences(Map.of(id, r.references()), false);
        history(id, now, by, new FindingLifecycle.HistoryLine(FindingLifecycle.OPENED, null, FindingStatus.OPEN,
                r.openedNote()));
        return id;
    }

    /**
     * Opens findings with JDBC batching (all of one organisation, each with a dedup key, all of source
     * {@code source}), each with its first history line; their ids by key.
     */
    Map<String, Long> openAll(long organisationId, List<FindingRow> rows, String by, Instant now, FindingSource source) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<FindingRow> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
            SqlParameterSource[] batch = chunk.stream().map(r -> {
                MapSqlParameterSource p = new MapSqlParameterSource(rowParams(r));
                p.addValue("by", by).addValue("now", ts(now)).addValue("open", FindingStatus.OPEN.name());
                return (SqlParameterSource) p;
            }).toArray(SqlParameterSource[]::new);
            named.batchUpdate(INSERT, batch);
        }
        Map<String, Long> ids = idsByKey(organisationId, rows.stream().map(FindingRow::dedupKey).toList());
        tally.added(ids.values());
        Map<Long, List<String>> refs = new HashMap<>();
        rows.forEach(r -> refs.put(ids.get(r.dedupKey()), r.references()));
        writeReferences(refs, false);
        openedHistory(ids.values(), now, by, source.name());
        return ids;
    }

    private Map<String, Long> idsByKey(long organisationId, List<String> keys) {
        Map<String, Long> ids = new HashMap<>();
        for (int from = 0; from < keys.size(); from += BATCH) {
            jdbc.sql("SELECT id, dedup_key FROM finding WHERE organisation_id = :org AND dedup_key IN (:keys)")
                    .param("org", organisationId).param("keys", keys.subList(from, Math.min(keys.size(), from + BATCH)))
                    .query((rs, n) -> ids.put(rs.getString("dedup_key"), rs.getLong("id"))).list();
        }
        return ids;
    }

    private void openedHistory(Collection<Long> ids, Instant at, String by, String note) {
        List<Long> list = new ArrayList<>(ids);
        for (int from = 0; from < list.size(); from += BATCH) {
            SqlParameterSource[] batch = list.subList(from, Math.min(list.size(), from + BATCH)).stream()
                    .map(id -> historyParams(id, at, by, FindingLifecycle.OPENED, null, FindingStatus.OPEN, note))
                    .toArray(SqlParameterSource[]::new);
            named.batchUpdate(HISTORY, batch);
        }
    }

    /** Replaces the descriptive fields an import may refresh, with a history line; false when the version moved on. */
    boolean refresh(long id, int version, FindingRow r, String by, Instant now) {
        boolean saved = tally.changing(List.of(id), () -> jdbc.sql("""
                UPDATE finding SET asset = :asset, title = :title, description = :description, category = :category,
                    severity = :severity, vuln_refs = :refs, cvss_vector = :vector, cvss_version = :cvssVersion,
                    cvss_score = :score, source_ref = :sourceRef, updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version""")
                .params(rowParams(r)).param("now", ts(now)).param("id", id).param("version", version)
                .update() == 1);
        if (saved) {
            writeReferences(Map.of(id, r.references()), true);
            history(id, now, by, new FindingLifecycle.HistoryLine(FindingLifecycle.REFRESHED, null, null,
                    r.sourceRef()));
        }
        return saved;
    }

    private static Map<String, Object> rowParams(FindingRow r) {
        Map<String, Object> p = new HashMap<>();
        p.put("org", r.organisationId());
        p.put("unit", r.networkUnitId());
        p.put("asset", r.asset());
        p.put("title", r.title());
        p.put("description", r.description());
        p.put("category", r.category().name());
        p.put("severity", r.severity().name());
        p.put("refs", VulnerabilityReferences.summary(r.references()));
        p.put("vector", r.cvss() == null ? null : r.cvss().vector());
        p.put("cvssVersion", r.cvss() == null ? null : r.cvss().version());
        p.put("score", r.cvss() == null ? null : r.cvss().baseScore());
        p.put("ownerName", r.ownerName());
        p.put("ownerContact", r.ownerContact());
        p.put("ownerUser", r.ownerUserId());
        p.put("campaign", r.campaignCode());
        p.put("source", r.source().name());
        p.put("sourceRef", r.sourceRef());
        p.put("dedup", r.dedupKey());
        p.put("due", r.dueOn() == null ? null : Date.valueOf(r.dueOn()));
        return p;
    }

    /**
     * Writes every vulnerability id of the findings into {@code finding_reference} (JDBC batches), replacing
     * what they had when {@code replace}.
     */
    private void writeReferences(Map<Long, List<String>> byId, boolean replace) {
        if (replace && !byId.isEmpty()) {
            named.batchUpdate("DELETE FROM finding_reference WHERE finding_id = :id", byId.keySet().stream()
                    .map(id -> new MapSqlParameterSource("id", id)).toArray(SqlParameterSource[]::new));
        }
        List<SqlParameterSource> rows = new ArrayList<>();
        byId.forEach((id, refs) -> refs.stream().distinct().forEach(ref -> rows.add(
                new MapSqlParameterSource("id", id).addValue("ref", ref))));
        for (int from = 0; from < rows.size(); from += BATCH) {
            named.batchUpdate("INSERT INTO finding_reference (finding_id, ref) VALUES (:id, :ref)",
                    rows.subList(from, Math.min(rows.size(), from + BATCH)).toArray(SqlParameterSource[]::new));
        }
    }

    // --- the lifecycle --------------------------------------------------------------------------

    /**
     * Saves the aggregate's lifecycle columns and the history lines of the steps it took — only if the finding
     * still has {@code expectedVersion}; false when it moved on.
     */
    boolean save(FindingLifecycle f, int expectedVersion, String by, Instant now) {
        Finding.Rectification plan = f.plan();
        Finding.Accountability a = f.accountability();
        boolean saved = tally.changing(List.of(f.id()), () -> jdbc.sql("""
                UPDATE finding SET status = :status, fix_note = :fixNote, measures = :measures, plan_text = :plan,
                    plan_owner = :planOwner, plan_due_on = :planDue, verified_by = :verifiedBy,
                    verified_at = :verifiedAt, closed_at = :closedAt, reopen_reason = :reopenReason,
                    accountable_person = :person, accountability_action = :action, accountability_on = :decided,
                    updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("status", f.status().name()).param("fixNote", f.fixNote())
                .param("measures", plan == null ? null : plan.measures())
                .param("plan", plan == null ? null : plan.plan())
                .param("planOwner", plan == null ? null : plan.owner())
                .param("planDue", plan == null || plan.dueOn() == null ? null : Date.valueOf(plan.dueOn()))
                .param("verifiedBy", f.verifiedBy()).param("verifiedAt", ts(f.verifiedAt()))
                .param("closedAt", ts(f.closedAt())).param("reopenReason", f.reopenReason())
                .param("person", a.responsible()).param("action", a.action())
                .param("decided", a.decidedOn() == null ? null : Date.valueOf(a.decidedOn()))
                .param("now", ts(now)).param("id", f.id()).param("version", expectedVersion).update() == 1);
        if (saved) {
            f.history().forEach(line -> history(f.id(), now, by, line));
        }
        return saved;
    }

    /** Notes an evidence file attached to the finding in its history. */
    void evidenceAttached(long findingId, EvidenceFile file, String by, Instant at) {
        history(findingId, at, by, new FindingLifecycle.HistoryLine(FindingLifecycle.EVIDENCE, null, null,
                file.fileName() + " sha256=" + file.sha256()));
    }

    private static final String HISTORY = """
            INSERT INTO finding_event (finding_id, occurred_at, actor_name, action, from_status, to_status, note)
            VALUES (:finding, :at, :by, :action, :from, :to, :note)""";

    private void history(long findingId, Instant at, String by, FindingLifecycle.HistoryLine line) {
        named.update(HISTORY, historyParams(findingId, at, by, line.action(), line.from(), line.to(), line.note()));
    }

    private static MapSqlParameterSource historyParams(long findingId, Instant at, String by, String action,
            FindingStatus from, FindingStatus to, String note) {
        return new MapSqlParameterSource("finding", findingId).addValue("at", ts(at)).addValue("by", by)
                .addValue("action", action).addValue("from", from == null ? null : from.name())
                .addValue("to", to == null ? null : to.name()).addValue("note", note);
    }

    // --- scanner imports ------------------------------------------------------------------------

    /** A finding an import already knows: its id and the hash of its descriptive fields. */
    record Known(long id, String hash) {
    }

    /** The organisation's findings with any of the keys (at most one chunk of an import), by key. */
    Map<String, Known> known(long organisationId, List<String> keys) {
        Map<String, Known> known = new HashMap<>();
        jdbc.sql("""
                SELECT id, dedup_key, content_hash FROM finding
                WHERE organisation_id = :org AND dedup_key IN (:keys)""")
                .param("org", organisationId).param("keys", keys)
                .query((rs, n) -> known.put(rs.getString("dedup_key"),
                        new Known(rs.getLong("id"), rs.getString("content_hash"))))
                .list();
        return known;
    }

    /** Findings the import shows unchanged: only "last seen" moves (and what it covered: host and tool). */
    void touchImported(Map<Long, ScanImports.Prepared> byId, ImportStamp stamp) {
        if (byId.isEmpty()) {
            return;
        }
        named.batchUpdate("""
                UPDATE finding SET last_seen_at = :now, last_import_id = :import, not_seen = FALSE,
                    scan_host = :scanHost, scan_tool = :tool
                WHERE id = :id""", byId.entrySet().stream()
                .map(e -> (SqlParameterSource) new MapSqlParameterSource("id", e.getKey())
                        .addValue("now", ts(stamp.now())).addValue("import", stamp.importId())
                        .addValue("scanHost", e.getValue().item().scanHost())
                        .addValue("tool", e.getValue().item().tool()))
                .toArray(SqlParameterSource[]::new));
    }

    /** Findings the import shows with other descriptive fields: refreshed, each with its history line. */
    void refreshImported(Map<Long, ScanImports.Prepared> byId, ImportStamp stamp) {
        if (byId.isEmpty()) {
            return;
        }
        List<SqlParameterSource> rows = new ArrayList<>();
        List<SqlParameterSource> lines = new ArrayList<>();
        Map<String, Object> common = stamp.params();
        Map<Long, List<String>> refs = new HashMap<>();
        byId.forEach((id, p) -> {
            refs.put(id, p.allReferences());
            rows.add(importedValues(p, common).addValue("id", id));
            lines.add(historyParams(id, stamp.now(), stamp.by(), FindingLifecycle.REFRESHED, null, null,
                    stamp.note()));
        });
        named.batchUpdate("""
                UPDATE finding SET network_unit_id = :unit, asset = :asset, title = :title,
                    description = :description, category = :category, severity = :severity, vuln_refs = :refs,
                    cvss_vector = :vector, cvss_version = :cvssVersion, cvss_score = :score, source_ref = :sourceRef,
                    solution = :solution, evidence = :evidence, data_flags = :flags, suppressed = :suppressed,
                    suppression_note = :suppressionNote, content_hash = :hash, scan_format = :format,
                    updated_at = :now, version = version + 1, last_seen_at = :now, last_import_id = :import,
                    not_seen = FALSE, scan_host = :scanHost, scan_tool = :tool
                WHERE id = :id""", rows.toArray(SqlParameterSource[]::new));
        named.batchUpdate(HISTORY, lines.toArray(SqlParameterSource[]::new));
        writeReferences(refs, true);
    }

    /** Findings new to the register: opened (source IMPORT), each with its first history line. */
    void openImported(List<ScanImports.Prepared> fresh, ImportStamp stamp) {
        if (fresh.isEmpty()) {
            return;
        }
        Map<String, Object> common = stamp.params();
        named.batchUpdate("""
                INSERT INTO finding (organisation_id, network_unit_id, asset, title, description, category,
                    severity, vuln_refs, cvss_vector, cvss_version, cvss_score, source, source_ref, dedup_key, status,
                    due_on, created_by, created_at, updated_at, version, last_seen_at, last_import_id, not_seen,
                    content_hash, scan_format, solution, evidence, data_flags, suppressed, suppression_note,
                    scan_host, scan_tool, province_code)
                VALUES (:org, :unit, :asset, :title, :description, :category, :severity, :refs, :vector,
                    :cvssVersion, :score, :source, :sourceRef, :dedup, :open, :due, :by, :now, :now, 0, :now, :import,
                    FALSE, :hash, :format, :solution, :evidence, :flags, :suppressed, :suppressionNote, :scanHost,
                    :tool, """ + PROVINCE + ")",
                fresh.stream().map(p -> (SqlParameterSource) importedValues(p, common))
                .toArray(SqlParameterSource[]::new));
        List<SqlParameterSource> lines = new ArrayList<>();
        Map<String, List<String>> refsByKey = new HashMap<>();
        fresh.forEach(p -> refsByKey.put(p.item().dedupKey(), p.allReferences()));
        Map<Long, List<String>> refs = new HashMap<>();
        idsByKey(stamp.organisationId(), List.copyOf(refsByKey.keySet())).forEach((key, id) -> {
            refs.put(id, refsByKey.get(key));
            lines.add(historyParams(id, stamp.now(), stamp.by(), FindingLifecycle.OPENED, null, FindingStatus.OPEN,
                    stamp.note()));
        });
        named.batchUpdate(HISTORY, lines.toArray(SqlParameterSource[]::new));
        writeReferences(refs, false);
    }

    private static MapSqlParameterSource importedValues(ScanImports.Prepared p, Map<String, Object> common) {
        ScanImports.Item i = p.item();
        return new MapSqlParameterSource(common).addValue("unit", i.networkUnitId())
                .addValue("asset", p.asset()).addValue("title", p.title()).addValue("description", p.description())
                .addValue("category", i.category().name()).addValue("severity", i.severity().name())
                .addValue("refs", p.references()).addValue("vector", p.vector()).addValue("score", p.score())
                .addValue("cvssVersion", p.cvssVersion()).addValue("solution", p.solution())
                .addValue("evidence", p.evidence()).addValue("flags", p.flags())
                .addValue("suppressed", i.suppressed()).addValue("suppressionNote", p.suppressionNote())
                .addValue("sourceRef", p.sourceRef()).addValue("dedup", i.dedupKey()).addValue("hash", p.hash())
                .addValue("due", Date.valueOf(p.dueOn())).addValue("scanHost", i.scanHost())
                .addValue("tool", i.tool());
    }

    // --- staged scanner imports (PostgreSQL's COPY, MariaDB's LOAD DATA): their statements, in their own class -----

    /** The set-based statements of a staged import in {@code dialect}: the register's too, made only here. */
    StagedMerge staged(StagedMerge.Dialect dialect) {
        return new StagedMerge(jdbc, dialect);
    }

    // --- the counters of an import ---------------------------------------------------------------

    /**
     * The counted values of findings an import is about to touch, their rows locked until it commits (so no other
     * writer moves them meanwhile): the batch path's known rows of one chunk.
     */
    Map<FindingTally.Key, Long> importing(Collection<Long> ids) {
        return tally.locked(ids);
    }

    /** As {@link #importing(Collection)} for a staged import: every register row a staged key names. */
    Map<FindingTally.Key, Long> importingStaged(StagedMerge merge, ImportStamp stamp) {
        return tally.stagedMatches(merge, stamp);
    }

    /**
     * The counters moved by an import, at its end (after reopen and suppress): what the rows it saw count for now,
     * less what they counted for before it ({@code before}, read by {@link #importing}).
     */
    void countImported(ImportStamp stamp, Map<FindingTally.Key, Long> before) {
        FindingTally.Delta d = new FindingTally.Delta();
        d.addAll(before, -1);
        d.addAll(tally.seenBy(stamp), 1);
        tally.apply(d);
    }

    // --- the end of every import ----------------------------------------------------------------

    /** The statuses the set-based reopen takes back: the aggregate's own ({@link FindingLifecycle#reopenedFrom}). */
    static List<String> reopenedFromNames() {
        return FindingLifecycle.reopenedFrom().stream().map(Enum::name).sorted().toList();
    }

    /**
     * Reopens, set-wise, the findings the import saw that the lifecycle reopens (as {@link FindingLifecycle#reopen}
     * does one by one: status REOPENED, the reason, no closing date, a history line each); their events, for
     * the caller to publish.
     */
    List<FindingReopened> reopenSeen(ImportStamp stamp, String reason) {
        Map<String, Object> p = stamp.params();
        p.put("reason", reason);
        p.put("reopenable", reopenedFromNames());
        p.put("reopened", FindingStatus.REOPENED.name());
        p.put("reopenedAction", FindingLifecycle.REOPENED);
        // the reopened findings, each its typed event as a one-by-one reopen publishes (a notice covering one listens);
        // few per import: only verified or closed findings a report still shows
        List<FindingReopened> reopened = jdbc.sql("""
                SELECT id, status FROM finding
                WHERE organisation_id = :org AND last_import_id = :import AND status IN (:reopenable)
                  AND suppressed = FALSE ORDER BY id""")
                .params(p)
                .query((rs, n) -> new FindingReopened(rs.getLong("id"), FindingStatus.valueOf(rs.getString("status")),
                        reason))
                .list();
        if (reopened.isEmpty()) {
            return reopened;
        }
        jdbc.sql("""
                INSERT INTO finding_event (finding_id, occurred_at, actor_name, action, from_status, to_status, note)
                SELECT id, :now, :by, :reopenedAction, status, :reopened, :reason FROM finding
                WHERE organisation_id = :org AND last_import_id = :import AND status IN (:reopenable)
                  AND suppressed = FALSE""")
                .params(p).update();
        // the closed cycle's fix note, verifier and closing date stay in the history lines that recorded them
        jdbc.sql("""
                UPDATE finding SET status = :reopened, reopen_reason = :reason, closed_at = NULL, fix_note = NULL,
                    verified_by = NULL, verified_at = NULL, updated_at = :now, version = version + 1
                WHERE organisation_id = :org AND last_import_id = :import AND status IN (:reopenable)
                  AND suppressed = FALSE""")
                .params(p).update();
        return reopened;
    }

    /**
     * Suppresses, set-wise, the findings the import saw as suppressed that the lifecycle lets be suppressed
     * ({@link FindingLifecycle#suppressedFrom()}, as {@link FindingLifecycle#suppress} does one by one), a history
     * line each with the tool's justification; how many.
     */
    int suppressSeen(ImportStamp stamp) {
        Map<String, Object> p = stamp.params();
        p.put("suppressible", FindingLifecycle.suppressedFrom().stream().map(Enum::name).sorted().toList());
        p.put("suppressedStatus", FindingStatus.SUPPRESSED.name());
        p.put("suppressedAction", FindingLifecycle.SUPPRESSED);
        String which = """
                WHERE organisation_id = :org AND last_import_id = :import AND status IN (:suppressible)
                  AND suppressed = TRUE""";
        jdbc.sql("""
                INSERT INTO finding_event (finding_id, occurred_at, actor_name, action, from_status, to_status, note)
                SELECT id, :now, :by, :suppressedAction, status, :suppressedStatus, COALESCE(suppression_note, :note)
                FROM finding
                """ + which).params(p).update();
        return jdbc.sql("UPDATE finding SET status = :suppressedStatus, updated_at = :now, version = version + 1 "
                + which).params(p).update();
    }

    /**
     * Flags the imported findings of the scope (the units, or the whole organisation when none are given) that
     * came from an earlier report of the same format, that this import did not show and that it covered: their
     * host was scanned, or (tool reports) the same tool ran over their unit; how many of the covered findings are
     * flagged now. One statement per covered host, equal on the leading columns of {@code ix_finding_scan_host}:
     * each reads that host's rows only, whatever the planner believes of rows it has not analysed yet (an IN list
     * of hosts was read as a filter over the operator's whole register while its statistics lagged behind the
     * imports). Never closes anything.
     */
    int flagNotSeen(ImportStamp stamp, Collection<Long> unitIds, ScanImports.Target.Coverage coverage) {
        Map<String, Object> p = stamp.params();
        p.put("closed", FindingStatus.CLOSED.name());
        String scope = """
                organisation_id = :org AND scan_format = :format AND source = :source AND status <> :closed
                AND (last_import_id IS NULL OR last_import_id <> :import)""";
        if (!unitIds.isEmpty()) {
            scope += " AND network_unit_id IN (:units)";
            p.put("units", unitIds);
        }
        int flagged = flagHosts(scope, p, coverage.hosts().stream().filter(Objects::nonNull).toList());
        for (Map.Entry<Long, ? extends Collection<String>> ran : coverage.tools().entrySet()) {
            List<String> tools = List.copyOf(ran.getValue());
            if (tools.isEmpty() || !unitIds.isEmpty() && !unitIds.contains(ran.getKey())) {
                continue;
            }
            p.put("unit", ran.getKey());
            p.put("tools", tools);
            flagged += jdbc.sql("UPDATE finding SET not_seen = TRUE WHERE " + scope
                    + " AND scan_host IS NULL AND network_unit_id = :unit AND scan_tool IN (:tools)").params(p).update();
        }
        return flagged;
    }

    /**
     * The covered hosts' findings flagged, in batches of one statement per host; the count is every covered
     * finding not seen now (flagged before or by this import). A driver that does not count batched rows answers
     * by one count per {@value #BATCH} hosts instead.
     */
    private int flagHosts(String scope, Map<String, Object> p, List<String> hosts) {
        int flagged = 0;
        String update = "UPDATE finding SET not_seen = TRUE WHERE " + scope + " AND scan_host = :host";
        for (int from = 0; from < hosts.size(); from += BATCH) {
            List<String> chunk = hosts.subList(from, Math.min(hosts.size(), from + BATCH));
            int[] counts = named.batchUpdate(update, chunk.stream().map(h -> {
                MapSqlParameterSource one = new MapSqlParameterSource(p);
                return (SqlParameterSource) one.addValue("host", h);
            }).toArray(SqlParameterSource[]::new));
            if (Arrays.stream(counts).allMatch(c -> c >= 0)) {
                flagged += Arrays.stream(counts).sum();
            } else {
                p.put("hosts", chunk);
                flagged += jdbc.sql("SELECT COUNT(*) FROM finding WHERE not_seen = TRUE AND " + scope
                        + " AND scan_host IN (:hosts)").params(p).query(Integer.class).single();
            }
        }
        return flagged;
    }
}
