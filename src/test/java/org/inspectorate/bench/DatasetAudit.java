package org.inspectorate.bench;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import org.inspectorate.audit.AuditEntry;

/**
 * Audit entries continuing the chain from its head as it stands (the head row locked while they are written, as
 * an appending node locks it), each hashed by {@link AuditEntry#expectedHash()} — the audit module's own code — so
 * that the module's verifier finds the chain intact. Sign-ins, views and changes of the generated accounts, in time
 * order over the last year, ending with the head moved to the last entry.
 */
final class DatasetAudit {

    private static final String[][] ACTIONS = {
            {"signin.succeeded", "user:"}, {"mfa.verified", "user:"}, {"finding.viewed", "finding:"},
            {"finding.history.viewed", "finding:"}, {"finding.fixed", "finding:"}, {"finding.verified", "finding:"},
            {"finding.closed", "finding:"}, {"filing.viewed", "unit:"}, {"filing.submitted", "unit:"},
            {"filing.accepted", "unit:"}, {"filing.returned", "unit:"}, {"selfinspection.answered", "organisation:"},
            {"selfinspection.status.viewed", "organisation:"}, {"signin.failed", "user:"}};
    private static final int[] SHARE = {30, 20, 18, 4, 5, 3, 3, 6, 2, 2, 1, 3, 2, 1};

    private final DatasetRun run;
    long written;

    DatasetAudit(DatasetRun run) {
        this.run = run;
    }

    void load() throws SQLException {
        SplittableRandom random = run.random("audit");
        long seq;
        String prev;
        try (PreparedStatement lock = run.connection.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
                ResultSet rs = lock.executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
            prev = rs.getString(2);
        }
        int n = run.preset.auditEntries();
        Instant start = run.now.minus(365, ChronoUnit.DAYS);
        long span = ChronoUnit.MILLIS.between(start, run.now);
        int total = 0;
        for (int s : SHARE) {
            total += s;
        }
        try (BulkTable entries = run.table("audit_entry", "seq", "occurred_at", "occurred_ms", "actor", "action",
                "subject", "outcome", "detail", "remote_addr", "prev_hash", "hash", "hash_version")) {
            for (int k = 0; k < n; k++) {
                seq++;
                Instant at = start.plusMillis(span * k / n + random.nextInt(1_000)).truncatedTo(ChronoUnit.MILLIS);
                int op = random.nextInt(run.operators());
                boolean regulator = random.nextInt(100) < 25;
                String actor = regulator ? regulatorName(random) : DatasetDirectory.operatorUsername(run, op);
                int a = NationalNames.pick(random, SHARE, total);
                String action = ACTIONS[a][0];
                String subject = switch (ACTIONS[a][1]) {
                    case "user:" -> "user:" + actor;
                    case "finding:" -> "finding:" + (run.firstFindingId + random.nextInt(run.preset.findings()));
                    case "unit:" -> "unit:" + run.unitIds[random.nextInt(run.unitIds.length)];
                    default -> "organisation:" + run.orgIds[op];
                };
                String outcome = "signin.failed".equals(action) ? "FAILURE" : "SUCCESS";
                String remote = "10.20." + random.nextInt(256) + "." + random.nextInt(256);
                String detail = "filing.returned".equals(action) ? "资产清单不完整" : null;
                AuditEntry entry = new AuditEntry(seq, at, actor, action, subject, outcome, detail, remote, prev, null);
                String hash = entry.expectedHash();
                entries.row(seq, at, at.toEpochMilli(), actor, action, subject, outcome, detail, remote, prev, hash,
                        entry.hashVersion());
                prev = hash;
            }
        }
        run.update("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, prev);
        written = n;
        run.commit();
    }

    private String regulatorName(SplittableRandom random) {
        int r = random.nextInt(10);
        return r < 3 ? run.accountPrefix + "ministry"
                : run.accountPrefix + "prov-" + NationalNames.PROVINCES.get(NationalNames.province(random)).code();
    }
}
