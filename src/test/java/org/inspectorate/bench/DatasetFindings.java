package org.inspectorate.bench;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.inspectorate.bench.FindingTexts.Plugin;

/**
 * The findings register and its history: the self-inspection findings the plan's non-compliant answers opened,
 * then the rest — scanner imports (most), spot checks and manual findings — spread over the operators with a long
 * tail (the big operator holds exactly its preset share), of every severity, category and status, opened over the
 * last years (older findings more often closed), each with the history lines of the steps that brought it to its
 * status. Written in chunks: the chunk's findings, then its history and references, so that memory stays flat.
 */
final class DatasetFindings {

    static final int CHUNK = 50_000;
    private static final String[] COLUMNS = {"id", "organisation_id", "network_unit_id", "asset", "title",
            "description", "category", "severity", "vuln_refs", "cvss_vector", "cvss_version", "cvss_score",
            "owner_name", "campaign_code", "source", "source_ref", "dedup_key", "status", "due_on", "fix_note",
            "measures", "plan_text", "plan_owner", "plan_due_on", "verified_by", "verified_at", "closed_at",
            "reopen_reason", "created_by", "created_at", "updated_at", "version", "last_seen_at", "not_seen",
            "content_hash", "scan_format", "suppressed", "suppression_note", "scan_host", "solution", "province_code"};

    private final DatasetRun run;
    private final DatasetSelfInspections plan;
    private final SplittableRandom random;
    private final List<Object[]> rows = new ArrayList<>(CHUNK);
    private final List<Object[]> events = new ArrayList<>(CHUNK * 3);
    private final List<Object[]> refs = new ArrayList<>(CHUNK);
    private final Plugin[][] bySeverity = new Plugin[3][];
    private long nextId;
    long written;
    long historyWritten;

    DatasetFindings(DatasetRun run, DatasetSelfInspections plan) {
        this.run = run;
        this.plan = plan;
        this.random = run.random("findings");
        String[] severities = {"HIGH", "MEDIUM", "LOW"};
        for (int s = 0; s < 3; s++) {
            String severity = severities[s];
            bySeverity[s] = Arrays.stream(FindingTexts.PLUGINS)
                    .filter(p -> FindingTexts.severityOfScore(p.score()).equals(severity)).toArray(Plugin[]::new);
        }
    }

    void load() throws SQLException {
        nextId = run.nextId("finding");
        run.firstFindingId = nextId;
        // the self-inspection findings, one per non-compliant answer
        int items = plan.items.size();
        for (int a = 0; a < plan.answers.length; a++) {
            if (plan.answers[a] == DatasetSelfInspections.NOT_COMPLIANT) {
                int op = plan.workspaceOperator[a / items];
                plan.findingIds[a] = finding(op, "SELF_INSPECTION", plan.items.get(a % items));
            }
        }
        // the big operator's share, then the long tail over everyone else
        for (int k = 0; k < run.preset.bigFindings(); k++) {
            finding(run.bigOperator, source(), null);
        }
        double[] cumulative = tail();
        long rest = run.preset.findings() - run.preset.bigFindings() - plan.nonCompliant;
        for (long k = 0; k < rest; k++) {
            int i = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
            int op = Math.min(i < 0 ? -i - 1 : i, cumulative.length - 1);
            finding(op == run.bigOperator ? (op + 1) % run.operators() : op, source(), null);
        }
        flush();
        run.continueIdentities(List.of("finding"));
        tally();
        run.commit();
    }

    /**
     * The findings' counters of the generated operators, as the register would have kept them: the grouping of the
     * counters' migrations (V202612082120, with V202612082200's collapse of dates before the horizon) over the rows
     * just written — the generator writes no counter
     * row by row, and the home pages and summary read only the counters.
     */
    private void tally() throws java.sql.SQLException {
        long first = Arrays.stream(run.orgIds).min().orElse(0);
        try (java.sql.PreparedStatement s = run.connection.prepareStatement("""
                INSERT INTO finding_tally (organisation_id, severity, category, status, campaign_code, opened_on,
                                           due_on, n)
                SELECT x.organisation_id, x.severity, x.category, x.status, x.campaign_code, x.opened_on, x.due_on,
                       COUNT(*)
                FROM (SELECT f.organisation_id, f.severity, f.category, f.status,
                             COALESCE(f.campaign_code, '') AS campaign_code,
                             CASE WHEN CAST(f.created_at AS DATE) < ? THEN DATE '1900-01-01'
                                  ELSE CAST(f.created_at AS DATE) END AS opened_on,
                             CASE WHEN f.status IN ('OPEN', 'REOPENED') AND f.due_on IS NOT NULL
                                       THEN CASE WHEN f.due_on < ? THEN DATE '1900-01-01' ELSE f.due_on END
                                  WHEN f.status = 'MITIGATED' AND f.plan_due_on IS NOT NULL
                                       THEN CASE WHEN f.plan_due_on < ? THEN DATE '1900-01-01' ELSE f.plan_due_on END
                                  ELSE DATE '9999-12-31' END AS due_on
                      FROM finding f WHERE f.organisation_id >= ?) x
                GROUP BY x.organisation_id, x.severity, x.category, x.status, x.campaign_code, x.opened_on, x.due_on
                """)) {
            // the counters' horizon (FindingTally.horizon): older dates are kept as 1900-01-01, as the register keeps them
            java.sql.Date horizon = java.sql.Date.valueOf(run.today.minusDays(181));
            s.setDate(1, horizon);
            s.setDate(2, horizon);
            s.setDate(3, horizon);
            s.setLong(4, first);
            s.executeUpdate();
        }
        rollUp(first);
    }

    /**
     * The coarser counters (FindingTallyRollup), grouped from the generated operators' first-level ones as the
     * migration V202612090500 fills them: per operator inserted, per province added to the rows the database may
     * already hold (a load beside other data) through a staging table.
     */
    private void rollUp(long first) throws java.sql.SQLException {
        String areaKey = "a.province_code = x.province_code AND a.severity = x.severity AND a.category = x.category"
                + " AND a.status = x.status AND a.campaign_code = x.campaign_code AND a.opened_on = x.opened_on"
                + " AND a.due_on = x.due_on";
        String homeKey = "a.province_code = x.province_code AND a.due_on = x.due_on";
        String[] steps = {"INSERT INTO finding_tally_operator (organisation_id, due_on, n, unresolved, high_unresolved)"
                + " SELECT t.organisation_id, t.due_on, SUM(t.n),"
                + " SUM(CASE WHEN t.status IN ('OPEN', 'REOPENED', 'MITIGATED') THEN t.n ELSE 0 END),"
                + " SUM(CASE WHEN t.status IN ('OPEN', 'REOPENED', 'MITIGATED') AND t.severity = 'HIGH'"
                + " THEN t.n ELSE 0 END) FROM finding_tally t WHERE t.organisation_id >= ?"
                + " GROUP BY t.organisation_id, t.due_on",
            "CREATE TABLE bench_tally_province AS SELECT COALESCE(o.province_code, '') AS province_code, t.due_on,"
                    + " SUM(t.n) AS n, SUM(CASE WHEN t.status IN ('OPEN', 'REOPENED', 'MITIGATED') THEN t.n ELSE 0 END)"
                    + " AS unresolved, SUM(CASE WHEN t.status IN ('OPEN', 'REOPENED', 'MITIGATED')"
                    + " AND t.severity = 'HIGH' THEN t.n ELSE 0 END) AS high_unresolved FROM finding_tally t"
                    + " JOIN organisation o ON o.id = t.organisation_id WHERE t.organisation_id >= ?"
                    + " GROUP BY COALESCE(o.province_code, ''), t.due_on",
            "UPDATE finding_tally_province a SET n = n + (SELECT x.n FROM bench_tally_province x WHERE " + homeKey
                    + "), unresolved = unresolved + (SELECT x.unresolved FROM bench_tally_province x WHERE " + homeKey
                    + "), high_unresolved = high_unresolved + (SELECT x.high_unresolved FROM bench_tally_province x"
                    + " WHERE " + homeKey + ") WHERE EXISTS (SELECT 1 FROM bench_tally_province x WHERE " + homeKey + ")",
            "INSERT INTO finding_tally_province (province_code, due_on, n, unresolved, high_unresolved)"
                    + " SELECT x.province_code, x.due_on, x.n, x.unresolved, x.high_unresolved FROM bench_tally_province x"
                    + " WHERE NOT EXISTS (SELECT 1 FROM finding_tally_province a WHERE " + homeKey + ")",
            "DROP TABLE bench_tally_province",
            "CREATE TABLE bench_tally_area AS SELECT COALESCE(o.province_code, '') AS province_code, t.severity,"
                    + " t.category, t.status, t.campaign_code, t.opened_on, t.due_on, SUM(t.n) AS n"
                    + " FROM finding_tally t JOIN organisation o ON o.id = t.organisation_id"
                    + " WHERE t.organisation_id >= ? GROUP BY COALESCE(o.province_code, ''), t.severity, t.category,"
                    + " t.status, t.campaign_code, t.opened_on, t.due_on",
            "UPDATE finding_tally_area a SET n = n + (SELECT x.n FROM bench_tally_area x WHERE " + areaKey + ")"
                    + " WHERE EXISTS (SELECT 1 FROM bench_tally_area x WHERE " + areaKey + ")",
            "INSERT INTO finding_tally_area (province_code, severity, category, status, campaign_code, opened_on,"
                    + " due_on, n) SELECT x.province_code, x.severity, x.category, x.status, x.campaign_code,"
                    + " x.opened_on, x.due_on, x.n FROM bench_tally_area x WHERE NOT EXISTS (SELECT 1 FROM"
                    + " finding_tally_area a WHERE " + areaKey + ")",
            "DROP TABLE bench_tally_area"};
        for (String sql : steps) {
            try (java.sql.PreparedStatement s = run.connection.prepareStatement(sql)) {
                if (sql.contains("?")) {
                    s.setLong(1, first);
                }
                s.executeUpdate();
            }
        }
    }

    /** Operators' relative register sizes: groups and provincial companies large, most enterprises small. */
    private double[] tail() {
        double[] c = new double[run.operators()];
        double sum = 0;
        for (int i = 0; i < c.length; i++) {
            double w = switch (run.types[i]) {
                case BASIC_TELECOM_GROUP, BASIC_TELECOM_PROVINCIAL -> 300;
                case BASIC_TELECOM_SPECIALISED -> 80;
                case DOMAIN_REGISTRY -> 30;
                default -> 1;
            };
            sum += i == run.bigOperator ? 0 : w / Math.pow(1 - random.nextDouble() * 0.999, 0.8);
            c[i] = sum;
        }
        return c;
    }

    private String source() {
        int r = random.nextInt(100);
        return r < 75 ? "IMPORT" : r < 87 ? "SPOT_CHECK" : "MANUAL";
    }

    private long finding(int op, String source, String item) throws SQLException {
        long id = nextId++;
        long unit = run.unitIds[run.unitFirst[op] + random.nextInt(run.unitCount[op])];
        String operator = DatasetDirectory.operatorUsername(run, op);
        String reviewer = run.authorities[op] == null ? run.accountPrefix + "ministry"
                : run.accountPrefix + "prov-" + run.authorities[op];
        int sr = random.nextInt(100);
        int sev = sr < 15 ? 0 : sr < 60 ? 1 : 2;
        String severity = sev == 0 ? "HIGH" : sev == 1 ? "MEDIUM" : "LOW";
        // age: most findings recent, a tail of old ones
        int days = (int) Math.min(1_500, -Math.log(1 - random.nextDouble()) * 240);
        Instant created = run.now.minusSeconds(86_400L * days + random.nextInt(86_400));
        LocalDate due = LocalDate.ofInstant(created, ZoneOffset.UTC).plusDays(sev == 0 ? 15 : sev == 1 ? 30 : 90);
        String asset;
        String title;
        String category;
        String refsText = null;
        String vector = null;
        Object score = null;
        String sourceRef = null;
        String dedup = null;
        String host = null;
        String campaign = null;
        String by = operator;
        if ("IMPORT".equals(source)) {
            Plugin[] pool = bySeverity[sev].length > 0 ? bySeverity[sev] : FindingTexts.PLUGINS;
            Plugin p = pool[random.nextInt(pool.length)];
            long h = id / 4;
            host = "10." + (h >> 16 & 255) + "." + (h >> 8 & 255) + "." + (h & 255);
            int port = 1_000 + (int) (id % 4);
            asset = host + ":" + port + "/tcp";
            title = p.title();
            category = p.category();
            refsText = p.refs();
            vector = p.vector();
            score = p.score();
            severity = FindingTexts.severityOfScore(p.score());
            sourceRef = "NESSUS " + p.id();
            dedup = "u" + unit + "|" + host + "|" + port + "/tcp|nessus:" + p.id();
            if (refsText != null) {
                refs.add(new Object[] {id, refsText});
            }
        } else if ("SELF_INSPECTION".equals(source)) {
            asset = null;
            title = "自查不符合项 " + item;
            category = FindingTexts.categoryOfItem(item);
            campaign = DatasetSelfInspections.CAMPAIGN;
            sourceRef = item;
        } else {
            String[] m = FindingTexts.manual(random);
            asset = "门户网站后台";
            title = m[1];
            category = m[0];
            if ("SPOT_CHECK".equals(source)) {
                campaign = DatasetSelfInspections.CAMPAIGN;
                by = reviewer;
            }
        }
        // status: the older, the likelier resolved
        int r = random.nextInt(1000);
        double resolved = Math.min(0.85, days / 400.0);
        String status;
        if (r < resolved * 1000) {
            int s = random.nextInt(100);
            status = s < 62 ? "CLOSED" : s < 77 ? "VERIFIED" : s < 92 ? "FIXED" : "REOPENED";
        } else {
            int s = random.nextInt(100);
            status = s < 85 ? "OPEN" : s < 97 ? "MITIGATED" : "IMPORT".equals(source) ? "SUPPRESSED" : "OPEN";
        }
        Instant t = created;
        events.add(new Object[] {id, t, by, "opened", null, "OPEN", null});
        String fixNote = null;
        String measures = null;
        String planText = null;
        String planOwner = null;
        LocalDate planDue = null;
        String verifiedBy = null;
        Instant verifiedAt = null;
        Instant closedAt = null;
        String reopen = null;
        String suppressionNote = null;
        int version = 0;
        if ("MITIGATED".equals(status)) {
            t = step(t);
            measures = "已限制访问来源并加强监测";
            planText = "下一维护窗口升级组件并复测";
            planOwner = NationalNames.person(random);
            planDue = LocalDate.ofInstant(t, ZoneOffset.UTC).plusDays(30 + random.nextInt(60));
            events.add(new Object[] {id, t, operator, "mitigated", "OPEN", "MITIGATED", planText});
            version++;
        } else if ("SUPPRESSED".equals(status)) {
            t = step(t);
            suppressionNote = "扫描工具标记为误报";
            events.add(new Object[] {id, t, operator, "suppressed", "OPEN", "SUPPRESSED", suppressionNote});
            version++;
        } else if (!"OPEN".equals(status)) {
            t = step(t);
            fixNote = "已升级至最新版本并复测通过";
            events.add(new Object[] {id, t, operator, "fixed", "OPEN", "FIXED", fixNote});
            version++;
            if (!"FIXED".equals(status)) {
                t = step(t);
                verifiedBy = reviewer;
                verifiedAt = t;
                events.add(new Object[] {id, t, reviewer, "verified", "FIXED", "VERIFIED", null});
                version++;
            }
            if ("CLOSED".equals(status) || "REOPENED".equals(status)) {
                t = step(t);
                closedAt = t;
                events.add(new Object[] {id, t, reviewer, "closed", "VERIFIED", "CLOSED", null});
                version++;
            }
            if ("REOPENED".equals(status)) {
                t = step(t);
                reopen = "复查仍发现该问题";
                events.add(new Object[] {id, t, reviewer, "reopened", "CLOSED", "REOPENED", reopen});
                // a reopened finding's closed cycle stays in its history only
                fixNote = null;
                verifiedBy = null;
                verifiedAt = null;
                closedAt = null;
                version++;
            }
        }
        boolean imported = "IMPORT".equals(source);
        rows.add(new Object[] {id, run.orgIds[op], unit, asset, title, imported ? "扫描器报告的问题：" + title : title,
                category, severity, refsText, vector, vector == null ? null : "3.1", score,
                NationalNames.person(random), campaign, source, sourceRef, dedup, status, due, fixNote, measures,
                planText, planOwner, planDue, verifiedBy, verifiedAt, closedAt, reopen, by, created, t, version,
                imported ? t : null, false, imported ? String.format("%064x", id * 0x9E3779B97F4A7C15L) : null,
                imported ? "NESSUS" : null, "SUPPRESSED".equals(status), suppressionNote, host,
                imported ? "升级到厂商发布的修复版本。" : null, run.provinces[op]});
        if (rows.size() == CHUNK) {
            flush();
        }
        return id;
    }

    /** The next step of a finding's life, some days after the last, never after now. */
    private Instant step(Instant last) {
        Instant next = last.plusSeconds(3_600L + random.nextInt(20 * 86_400));
        return next.isAfter(run.now) ? last.plusSeconds(60) : next;
    }

    private void flush() throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (BulkTable findings = run.table("finding", COLUMNS)) {
            rows.forEach(findings::row);
        }
        try (BulkTable history = run.table("finding_event", "finding_id", "occurred_at", "actor_name", "action",
                "from_status", "to_status", "note")) {
            events.forEach(history::row);
        }
        if (!refs.isEmpty()) {
            try (BulkTable references = run.table("finding_reference", "finding_id", "ref")) {
                refs.forEach(references::row);
            }
        }
        written += rows.size();
        historyWritten += events.size();
        rows.clear();
        events.clear();
        refs.clear();
        run.commit();
    }
}
