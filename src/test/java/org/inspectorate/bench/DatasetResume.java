package org.inspectorate.bench;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.inspectorate.organisation.OrganisationType;

/**
 * Picks a load up after its findings step (cut short or done in an earlier run): what the self-inspection and
 * audit steps refer to — the operators in generation order, their units, the first finding — read back from the
 * database through the generated accounts. The self-inspection plan is drawn again from the same seed; its findings
 * were the first the findings step wrote, in plan order.
 */
final class DatasetResume {

    private DatasetResume() {
    }

    static void restore(DatasetRun run, String prefix) throws SQLException {
        run.accountPrefix = prefix;
        List<Object[]> ops = new ArrayList<>();
        try (PreparedStatement p = run.connection.prepareStatement("""
                SELECT a.username, o.id, o.type, o.province_code FROM user_account a
                JOIN organisation o ON o.id = a.organisation_id WHERE a.username LIKE ? ORDER BY a.id""")) {
            p.setString(1, prefix + "op-%");
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ops.add(new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)});
                }
            }
        }
        int n = ops.size();
        run.orgIds = new long[n];
        run.types = new OrganisationType[n];
        run.provinces = new String[n];
        run.authorities = new String[n];
        for (int i = 0; i < n; i++) {
            Object[] o = ops.get(i);
            run.orgIds[i] = (Long) o[1];
            run.types[i] = OrganisationType.valueOf((String) o[2]);
            run.provinces[i] = (String) o[3];
            if (((String) o[0]).endsWith("op-big")) {
                run.bigOperator = i;
            }
        }
        long first = run.orgIds[0];
        List<Long> units = new ArrayList<>();
        try (PreparedStatement p = run.connection.prepareStatement(
                "SELECT id FROM network_unit WHERE organisation_id >= ? ORDER BY id")) {
            p.setLong(1, first);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    units.add(rs.getLong(1));
                }
            }
        }
        run.unitIds = units.stream().mapToLong(Long::longValue).toArray();
        run.firstFindingId = run.single("SELECT COALESCE(MIN(id), 0) FROM finding WHERE organisation_id >= " + first);
    }

    /** The plan's finding ids: the findings step wrote them first, one per non-compliant answer, in order. */
    static void linkPlan(DatasetRun run, DatasetSelfInspections plan) {
        long id = run.firstFindingId;
        for (int a = 0; a < plan.answers.length; a++) {
            if (plan.answers[a] == DatasetSelfInspections.NOT_COMPLIANT) {
                plan.findingIds[a] = id++;
            }
        }
    }
}
