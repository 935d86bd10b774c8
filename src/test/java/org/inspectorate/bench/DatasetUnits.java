package org.inspectorate.bench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.inspectorate.filing.Asset;
import org.inspectorate.filing.AssetKind;
import org.inspectorate.filing.GradeLevel;
import org.inspectorate.filing.LifecycleStage;
import org.inspectorate.filing.NetworkCategory;
import org.inspectorate.filing.UnitContent;

import tools.jackson.databind.json.JsonMapper;

/**
 * Network units in every filing state — filed (with filing numbers from the authorities' own sequences, continued
 * after the numbers already given), filed by an accepted change, decommissioned, a change under review, submitted,
 * returned with reasons, drafts (some past their filing deadline) — with their versions (content snapshots as the
 * application writes them), one asset each and the obligation baselines of the filed ones.
 */
final class DatasetUnits {

    /** The application's snapshot format: UnitContent as the filing module's mapper writes it. */
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final GradeLevel[] LEVELS = GradeLevel.values();
    private static final int[] LEVEL_SHARE = {10, 45, 30, 12, 3, 0};
    private static final NetworkCategory[] CATEGORIES = NetworkCategory.values();

    private final DatasetRun run;
    private final SplittableRandom random;
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, Long> sequencesBefore = new HashMap<>();

    DatasetUnits(DatasetRun run) {
        this.run = run;
        this.random = run.random("units");
    }

    void load() throws SQLException {
        readSequences();
        int[] counts = unitsPerOperator();
        int total = run.preset.units();
        run.unitIds = new long[total];
        run.unitFirst = new int[run.operators()];
        run.unitCount = counts;
        long id = run.nextId("network_unit");
        int u = 0;
        try (TableChunks chunks = new TableChunks(run, 40_000).table("network_unit", "id", "organisation_id", "authority_province_code", "name",
                "category", "description", "key_locations", "responsible_person", "responsible_contact", "grade_level",
                "grading_reasoning", "grading_reviewed_on", "main_hardware", "security_systems", "base_software",
                "application_software", "protocols_ports", "lifecycle_stage", "filing_state", "filing_kind",
                "current_version_no", "in_force_version_no", "filing_number", "due_on", "submitted_at", "created_at",
                "updated_at", "version").table("network_unit_version", "unit_id", "version_no", "filing_state",
                        "filing_kind", "snapshot", "authority_province_code", "created_by", "created_at", "submitted_by",
                        "submitted_at", "decided_by", "decided_at", "decision_reasons", "filing_number").table("network_unit_asset", "unit_id", "seq_no", "asset_kind", "asset_value",
                        "open_ports").table("obligation_baseline", "unit_id", "filed_grade_level", "first_filed_on",
                        "level_changed_on", "updated_at")) {
            for (int i = 0; i < run.operators(); i++) {
                run.unitFirst[i] = u;
                String operator = DatasetDirectory.operatorUsername(run, i);
                String reviewer = run.authorities[i] == null ? run.accountPrefix + "ministry"
                        : run.accountPrefix + "prov-" + run.authorities[i];
                for (int k = 0; k < counts[i]; k++, u++, id++) {
                    run.unitIds[u] = id;
                    unit(chunks, i, id, k, operator, reviewer);
                    chunks.endOfRecord();
                }
            }
        }
        writeSequences();
        run.continueIdentities(List.of("network_unit"));
        run.commit();
    }

    /** One unit at least per operator; the rest by type (groups and provincial companies run many) and chance. */
    private int[] unitsPerOperator() {
        int n = run.operators();
        int[] counts = new int[n];
        double[] weights = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            counts[i] = 1;
            if (i == run.bigOperator) {
                continue;
            }
            double w = switch (run.types[i]) {
                case BASIC_TELECOM_GROUP -> 400;
                case BASIC_TELECOM_PROVINCIAL -> 150;
                case BASIC_TELECOM_SPECIALISED -> 60;
                case DOMAIN_REGISTRY -> 40;
                case DOMAIN_REGISTRAR -> 8;
                default -> 1;
            };
            weights[i] = w / Math.pow(1 - random.nextDouble() * 0.999, 0.6);
            sum += weights[i];
        }
        counts[run.bigOperator] = run.preset.bigUnits();
        int extra = run.preset.units() - n - (run.preset.bigUnits() - 1);
        int given = 0;
        for (int i = 0; i < n; i++) {
            int more = (int) Math.floor(extra * weights[i] / sum);
            counts[i] += more;
            given += more;
        }
        for (int i = 0; given < extra; i = (i + 1) % n) {
            if (i != run.bigOperator) {
                counts[i]++;
                given++;
            }
        }
        return counts;
    }

    private void unit(TableChunks chunks, int op, long id, int k, String operator, String reviewer) {
        GradeLevel level = level();
        NetworkCategory category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        LocalDate reviewed = run.today.minusDays(20 + random.nextInt(2_000));
        Instant created = at(reviewed.minusDays(5));
        Instant submitted = min(at(reviewed.plusDays(3 + random.nextInt(20))));
        Instant decided = min(submitted.plusSeconds(86_400L * (1 + random.nextInt(20))));
        int scenario = random.nextInt(100);
        boolean retired = scenario == 70;
        String name = categoryName(category) + " " + (k + 1);
        String host = "u" + id + ".bench.example";
        UnitContent content = new UnitContent(name, category, name + "，面向公众提供服务。", "数据中心 A 栋",
                NationalNames.person(random), "010-5555-0100", level,
                "依据 YD/T 定级指南评估：遭到破坏后对社会秩序和公共利益造成" + (level.isThreeOrAbove() ? "严重损害" : "一般损害") + "。",
                reviewed, "x86 服务器 " + (2 + random.nextInt(40)) + " 台", "防火墙、入侵检测、日志审计", "麒麟 V10",
                "业务系统", "HTTPS/443", retired ? LifecycleStage.RETIRED : LifecycleStage.FORMAL_OPERATION,
                List.of(new Asset(AssetKind.DOMAIN, host, null)));
        String snapshot = JSON.writeValueAsString(content);
        String authority = run.authorities[op];
        chunks.row("network_unit_asset", id, 0, AssetKind.DOMAIN.name(), host, null);
        // state, kind, current and in-force version, filing number, due day, submitted at, updated at
        String state;
        String kind = "INITIAL";
        int current = 1;
        Integer inForce = null;
        String number = null;
        LocalDate due = reviewed.plusDays(30);
        Instant submittedAt = null;
        Instant updated = created;
        if (scenario < 71) {
            number = filingNumber(authority, decided);
            inForce = scenario < 62 ? 1 : 2;
            current = scenario < 62 ? 1 : 2;
            state = "FILED";
            kind = scenario < 62 ? "INITIAL" : scenario < 67 ? "CHANGE" : scenario < 70 ? "CHANGE" : "DECOMMISSION";
            if (scenario >= 62 && scenario < 67) {
                // a change under review: version 1 stays in force
                state = "SUBMITTED";
                inForce = 1;
            }
            due = null;
            submittedAt = submitted;
            updated = decided;
            chunks.row("network_unit_version", id, 1, current == 1 || "SUBMITTED".equals(state) ? "FILED" : "SUPERSEDED", "INITIAL",
                    snapshot, authority, operator, created, operator, submitted, reviewer, decided, null, number);
            if (current == 2) {
                Instant changeSubmitted = min(decided.plusSeconds(86_400L * (30 + random.nextInt(200))));
                Instant changeDecided = min(changeSubmitted.plusSeconds(86_400L * (1 + random.nextInt(10))));
                boolean pending = "SUBMITTED".equals(state);
                chunks.row("network_unit_version", id, 2, pending ? "SUBMITTED" : "FILED", kind, snapshot, authority, operator, decided,
                        operator, changeSubmitted, pending ? null : reviewer, pending ? null : changeDecided, null,
                        pending ? null : number);
                submittedAt = changeSubmitted;
                updated = pending ? changeSubmitted : changeDecided;
            }
            if (!"DECOMMISSION".equals(kind)) {
                chunks.row("obligation_baseline", id, level.name(), LocalDate.ofInstant(decided, ZoneOffset.UTC), null, updated);
            }
        } else if (scenario < 80) {
            state = "SUBMITTED";
            submittedAt = submitted;
            updated = submitted;
            chunks.row("network_unit_version", id, 1, state, kind, snapshot, authority, operator, created, operator, submitted, null, null,
                    null, null);
        } else if (scenario < 85) {
            state = "RETURNED";
            submittedAt = submitted;
            updated = decided;
            chunks.row("network_unit_version", id, 1, state, kind, snapshot, authority, operator, created, operator, submitted, reviewer,
                    decided, "1. 定级理由未逐项说明；\n2. 资产清单缺少公网 IP 地址段。", null);
        } else {
            state = "DRAFT";
            chunks.row("network_unit_version", id, 1, state, kind, snapshot, authority, operator, created, null, null, null, null, null,
                    null);
        }
        chunks.row("network_unit", id, run.orgIds[op], authority, content.name(), category.name(), content.description(),
                content.keyLocations(), content.responsiblePerson(), content.responsibleContact(), level.name(),
                content.gradingReasoning(), reviewed, content.mainHardware(), content.securitySystems(),
                content.baseSoftware(), content.applicationSoftware(), content.protocolsAndPorts(),
                content.lifecycleStage().name(), state, kind, current, inForce, number, due, submittedAt, created,
                updated, current - 1);
    }

    private GradeLevel level() {
        return LEVELS[NationalNames.pick(random, LEVEL_SHARE, 100)];
    }

    private static String categoryName(NetworkCategory c) {
        return switch (c) {
            case NETWORK_INFRASTRUCTURE -> "网络基础设施";
            case USER_DATA_SYSTEM -> "用户信息管理系统";
            case PORTAL -> "门户网站";
            case BILLING -> "计费系统";
            case DNS -> "域名系统";
            case EMAIL -> "电子邮件系统";
            case MOBILE_APP_STORE -> "移动应用商店";
            case MOBILE_APP -> "移动应用及后台";
            case PUBLIC_CLOUD -> "公有云平台";
            case PUBLIC_WLAN -> "公共无线局域网";
            case IOT_PLATFORM -> "物联网平台";
            case RIDE_HAILING -> "网约车平台";
            case CONNECTED_VEHICLE -> "车联网平台";
            case OTHER -> "其他系统";
        };
    }

    private Instant at(LocalDate day) {
        return day.atTime(9, 0).toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(8 * 3_600));
    }

    private Instant min(Instant t) {
        return t.isAfter(run.now) ? run.now.minusSeconds(3_600) : t;
    }

    /** The authority's next number of the year the filing was accepted, after every number it gave before. */
    private String filingNumber(String authority, Instant decided) {
        String code = authority == null ? "000000" : authority;
        int year = LocalDate.ofInstant(decided, ZoneOffset.UTC).getYear();
        long next = sequences.merge(code + "|" + year, 1L, Long::sum);
        return String.format("%s-%d-%06d", code, year, next);
    }

    private void readSequences() throws SQLException {
        try (Statement s = run.connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT authority_code, seq_year, last_value FROM filing_number_sequence")) {
            while (rs.next()) {
                String key = rs.getString(1) + "|" + rs.getInt(2);
                sequences.put(key, rs.getLong(3));
                sequencesBefore.put(key, rs.getLong(3));
            }
        }
    }

    private void writeSequences() throws SQLException {
        for (Map.Entry<String, Long> e : sequences.entrySet()) {
            String[] key = e.getKey().split("\\|");
            if (sequencesBefore.containsKey(e.getKey())) {
                run.update("UPDATE filing_number_sequence SET last_value = ? WHERE authority_code = ? AND seq_year = ?",
                        e.getValue(), key[0], Integer.parseInt(key[1]));
            } else {
                run.update("INSERT INTO filing_number_sequence (authority_code, seq_year, last_value) VALUES (?, ?, ?)",
                        key[0], Integer.parseInt(key[1]), e.getValue());
            }
        }
    }
}
