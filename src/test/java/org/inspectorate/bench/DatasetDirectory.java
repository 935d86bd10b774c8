package org.inspectorate.bench;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.inspectorate.organisation.LicenceNumber;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;
import org.inspectorate.system.SecretSeal;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The directory: the Ministry bureau and the 31 provincial administrations (those already there are reused), the
 * operators of every type — the four basic telecom groups with a provincial company per province and their
 * specialised companies, domain registries and registrars, internet enterprises and value-added enterprises with
 * provincial and cross-regional licences — and the benchmark's accounts.
 */
final class DatasetDirectory {

    /** The password of every generated account. */
    static final String PASSWORD = "National-Bench-2026!";
    /** The TOTP secret (base32) of every generated regulator account, so that a harness can sign in. */
    static final String TOTP_SECRET = "NATIONALDATASETBENCHMARKTOTPKEY2";

    private static final String[][] GROUPS = {
            {"中国电信集团有限公司", "中国电信股份有限公司%s分公司", "中国电信"},
            {"中国移动通信集团有限公司", "中国移动通信集团%s有限公司", "中国移动"},
            {"中国联合网络通信集团有限公司", "中国联合网络通信有限公司%s分公司", "中国联通"},
            {"中国广播电视网络集团有限公司", "中国广电%s网络有限公司", "中国广电"}};
    private static final String[] SPECIALISED = {"卫星通信", "国际", "数据", "云计算", "物联网"};

    private final DatasetRun run;
    private final SplittableRandom random;
    private final Set<String> codes;
    private final Set<String> licences;
    private final Map<String, Integer> licenceCounters = new HashMap<>();
    private long serial;
    private long nextOrgId;

    DatasetDirectory(DatasetRun run) throws SQLException {
        this.run = run;
        this.random = run.random("directory");
        this.codes = run.strings("SELECT credit_code FROM organisation");
        this.licences = run.strings("SELECT licence_number FROM organisation WHERE licence_number IS NOT NULL");
    }

    void load() throws SQLException {
        run.accountPrefix = freePrefix();
        nextOrgId = run.nextId("organisation");
        int n = run.preset.operators();
        run.orgIds = new long[n];
        run.types = new OrganisationType[n];
        run.provinces = new String[n];
        run.authorities = new String[n];
        findRegulators();
        try (BulkTable orgs = run.table("organisation", "id", "type", "name", "credit_code", "province_code",
                "licence_number", "licence_cross_regional", "parent_id", "contact_name", "contact_phone", "created_at",
                "version")) {
            regulators(orgs);
            operators(orgs, n);
        }
        accounts();
        run.continueIdentities(List.of("organisation", "user_account"));
        run.commit();
    }

    private String freePrefix() throws SQLException {
        for (int k = 1;; k++) {
            String prefix = k == 1 ? "n-" : "n" + k + "-";
            if (run.single("SELECT COUNT(*) FROM user_account WHERE username = '" + prefix + "ministry'") == 0) {
                return prefix;
            }
        }
    }

    /** The regulators already there (looked up before the COPY starts: a connection in COPY runs nothing else). */
    private void findRegulators() throws SQLException {
        run.ministryId = run.single("SELECT COALESCE(MIN(id), 0) FROM organisation WHERE type = 'MINISTRY_BUREAU'");
        for (int p = 0; p < NationalNames.PROVINCES.size(); p++) {
            run.adminIds[p] = run.single("SELECT COALESCE(MIN(id), 0) FROM organisation"
                    + " WHERE type = 'PROVINCIAL_ADMINISTRATION' AND province_code = '"
                    + NationalNames.PROVINCES.get(p).code() + "'");
        }
    }

    private void regulators(BulkTable orgs) {
        if (run.ministryId == 0) {
            run.ministryId = organisation(orgs, OrganisationType.MINISTRY_BUREAU, "工业和信息化部网络安全管理局", "11",
                    "110000", null, null, null);
        }
        for (int p = 0; p < NationalNames.PROVINCES.size(); p++) {
            String code = NationalNames.PROVINCES.get(p).code();
            if (run.adminIds[p] == 0) {
                run.adminIds[p] = organisation(orgs, OrganisationType.PROVINCIAL_ADMINISTRATION,
                        NationalNames.provinceName(p) + "通信管理局", "11", code, code, null, null);
            }
        }
    }

    private void operators(BulkTable orgs, int n) {
        int provincesPerGroup = Math.min(31, Math.max(1, n / 1600));
        int specialisedPerGroup = n >= 10_000 ? SPECIALISED.length : 1;
        int i = 0;
        for (int g = 0; g < GROUPS.length; g++) {
            long group = operator(orgs, i++, OrganisationType.BASIC_TELECOM_GROUP, GROUPS[g][0], null, null, null, null);
            for (int p = 0; p < provincesPerGroup; p++) {
                // Guangdong first: the big operator is China Mobile's Guangdong company
                int province = (p + Province.GUANGDONG.ordinal()) % 31;
                String code = NationalNames.PROVINCES.get(province).code();
                if (g == 1 && p == 0) {
                    run.bigOperator = i;
                }
                String name = String.format(GROUPS[g][1], NationalNames.provinceName(province).replaceAll("(省|市|自治区|壮族|回族|维吾尔)", ""));
                operator(orgs, i++, OrganisationType.BASIC_TELECOM_PROVINCIAL, name, code, code, null, group);
            }
            for (int s = 0; s < specialisedPerGroup; s++) {
                // a nationwide specialised company names no province and files with the Ministry
                String code = s % 2 == 0 ? "110000" : null;
                operator(orgs, i++, OrganisationType.BASIC_TELECOM_SPECIALISED,
                        GROUPS[g][2] + SPECIALISED[s] + "有限公司", code, code, null, group);
            }
        }
        int registries = Math.max(1, n / 20_000);
        for (int r = 0; r < registries; r++) {
            operator(orgs, i++, OrganisationType.DOMAIN_REGISTRY, "域名注册管理机构（" + (r + 1) + "）", null, null, null, null);
        }
        int registrars = Math.max(1, n / 1_300);
        for (int r = 0; r < registrars; r++) {
            int province = NationalNames.province(random);
            operator(orgs, i++, OrganisationType.DOMAIN_REGISTRAR, NationalNames.company(random, province, ++serial),
                    null, null, null, null);
        }
        while (i < n) {
            int province = NationalNames.province(random);
            String code = NationalNames.PROVINCES.get(province).code();
            String name = NationalNames.company(random, province, ++serial);
            if (random.nextInt(100) < 30) {
                operator(orgs, i++, OrganisationType.INTERNET_ENTERPRISE, name, code, code, null, null);
            } else {
                // 29,462 of 134,177 licences were cross-regional (the Ministry's) in August 2022
                boolean cross = random.nextInt(100) < 22;
                String licence = licence(cross ? "" : NationalNames.PROVINCES.get(province).abbreviation());
                operator(orgs, i++, OrganisationType.VALUE_ADDED_TELECOM, name, code, cross ? null : code, licence, null);
            }
        }
    }

    private long operator(BulkTable orgs, int i, OrganisationType type, String name, String province, String authority,
            String licence, Long parent) {
        long id = organisation(orgs, type, name, "91", province == null ? "110000" : province, province, licence, parent);
        run.orgIds[i] = id;
        run.types[i] = type;
        run.provinces[i] = province;
        run.authorities[i] = authority;
        return id;
    }

    private long organisation(BulkTable orgs, OrganisationType type, String name, String kind, String division,
            String province, String licence, Long parent) {
        String code;
        do {
            code = NationalNames.creditCode(kind, division, ++serial);
        } while (!codes.add(code));
        long id = nextOrgId++;
        orgs.row(id, type.name(), name, code, province, licence,
                licence != null && new LicenceNumber(licence).crossRegional(), parent, NationalNames.person(random),
                "010-5555-" + String.format("%04d", random.nextInt(10_000)),
                run.now.minusSeconds(86_400L * (30 + random.nextInt(3_000))), 0);
        return id;
    }

    /** The next free licence number of the issuing province (empty: the Ministry): category, year, serial. */
    private String licence(String abbreviation) {
        int c = random.nextInt(100);
        String category = c < 60 ? "B2" : c < 85 ? "B1" : c < 95 ? "A2" : "A1";
        int year = 2010 + random.nextInt(16);
        String key = abbreviation + category + year;
        String licence;
        do {
            int next = licenceCounters.merge(key, 1, Integer::sum);
            if (next > 9_999) {
                throw new IllegalStateException("no licence number left for " + key);
            }
            licence = String.format("%s%s-%d%04d", abbreviation, category, year, next);
        } while (!licences.add(licence));
        return licence;
    }

    private void accounts() throws SQLException {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
        SecretSeal seal = SecretSeal.fromBase64("inspectorate.security.mfa-seal-key", run.mfaSealKey);
        long id = run.nextId("user_account");
        String p = run.accountPrefix;
        try (TableChunks chunks = new TableChunks(run, 100_000).table("user_account", "id", "username",
                "display_name", "password_hash", "organisation_id", "enabled", "must_change_password",
                "mfa_enrolled", "totp_secret_sealed", "password_changed_at", "created_at",
                "version", "provisioned").table("user_role", "user_id", "role")) {
            Account account = (username, display, org, role) -> {
                long uid = idHolder[0]++;
                String sealed = role.mfaRequired() ? seal.seal(TOTP_SECRET, "user_account:" + uid + ":totp") : null;
                chunks.row("user_account", uid, username, display, hash, org, true, false, role.mfaRequired(), sealed, run.now,
                        run.now, 0, false);
                chunks.row("user_role", uid, role.name());
                chunks.endOfRecord();
            };
            idHolder[0] = id;
            account.add(p + "ministry", "部网络安全管理局（基准）", run.ministryId, Role.MINISTRY_OFFICER);
            account.add(p + "auditor", "安全审计员（基准）", run.ministryId, Role.AUDIT_ADMIN);
            for (int i = 0; i < run.adminIds.length; i++) {
                String code = NationalNames.PROVINCES.get(i).code();
                account.add(p + "prov-" + code, NationalNames.provinceName(i) + "通信管理局（基准）", run.adminIds[i],
                        Role.PROVINCIAL_OFFICER);
            }
            for (int i = 0; i < run.operators(); i++) {
                account.add(operatorUsername(run, i), "运行单位管理员 " + (i + 1), run.orgIds[i], Role.OPERATOR_ADMIN);
            }
        }
    }

    /** The account of operator {@code i}: {@code n-op-big} for the big operator, else {@code n-op-<i+1>}. */
    static String operatorUsername(DatasetRun run, int i) {
        return run.accountPrefix + (i == run.bigOperator ? "op-big" : "op-" + (i + 1));
    }

    private final long[] idHolder = new long[1];

    @FunctionalInterface
    private interface Account {
        void add(String username, String displayName, long organisationId, Role role);
    }
}
