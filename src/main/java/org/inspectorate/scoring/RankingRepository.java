package org.inspectorate.scoring;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Province;
import org.inspectorate.system.Jdbc;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.Seek;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Approved sheets in ranking order (total descending, then the later sheet first) and the assessment export's
 * rows. The ranking reads {@code ix_score_sheet_ranking} (state, year, type, province, total, id) by a keyset on the
 * total, so a page stops after its rows; a rank is one and the number of sheets with a higher total.
 */
@Repository
class RankingRepository {

    private static final String COLUMNS = """
            s.id, s.spot_check_id, s.operator_id, s.operator_name, s.operator_type, s.province_code, s.score_year,
            s.total, s.vetoed, s.outside_draw, s.decided_by, s.decided_at""";
    static final Seek SEEK = new Seek("s.total", "s.id", false, RankingRepository::decimal);

    private final JdbcClient jdbc;

    RankingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An approved sheet as a ranking lists it, before its rank is known. */
    record Ranked(long sheetId, long spotCheckId, long operatorId, String operatorName, OrganisationType type,
            Province province, int year, BigDecimal total, boolean vetoed, boolean outsideDraw, String decidedBy,
            java.time.Instant decidedAt) {
        RankingRow at(int rank) {
            return new RankingRow(rank, sheetId, spotCheckId, operatorId, operatorName, type, province, year, total,
                    vetoed, outsideDraw, decidedBy, decidedAt);
        }
    }

    /** A page of the ranking of {@code year} and {@code type}, within {@code province} (null: the whole country). */
    List<Ranked> page(int year, OrganisationType type, Province province, PageRequest page) {
        Map<String, Object> params = partition(year, type, province);
        params.putAll(SEEK.params(page));
        return jdbc.sql("SELECT " + COLUMNS + " FROM score_sheet s WHERE " + where(province) + SEEK.condition(page)
                        + " ORDER BY " + SEEK.orderBy() + Seek.limit(page))
                .params(params).query((rs, n) -> ranked(rs)).list();
    }

    /** How many sheets of the partition have a higher total than {@code total}: the rank of a total, less one. */
    long higherThan(int year, OrganisationType type, Province province, BigDecimal total) {
        Map<String, Object> params = partition(year, type, province);
        params.put("t", total);
        return jdbc.sql("SELECT COUNT(*) FROM score_sheet s WHERE " + where(province) + " AND s.total > :t")
                .params(params).query(Long.class).single();
    }

    /** How many sheets of the partition come before the sheet ({@code total}, {@code id}) in ranking order. */
    long before(int year, OrganisationType type, Province province, BigDecimal total, long id) {
        Map<String, Object> params = partition(year, type, province);
        params.put("t", total);
        params.put("id", id);
        return jdbc.sql("SELECT COUNT(*) FROM score_sheet s WHERE " + where(province)
                        + " AND s.total >= :t AND (s.total > :t OR s.id > :id)")
                .params(params).query(Long.class).single();
    }

    /** The bounded count of the partition's approved sheets. */
    long count(int year, OrganisationType type, Province province) {
        return jdbc.sql(org.inspectorate.system.Total.boundedCountSql("SELECT 1 FROM score_sheet s WHERE "
                        + where(province)))
                .params(partition(year, type, province)).query(Long.class).single();
    }

    /**
     * Up to {@code limit} approved sheets of {@code year} after sheet {@code afterId}, by id, for the assessment
     * export: one operator's or all, within {@code province} (null: the whole country).
     */
    List<Ranked> assessment(int year, Long operatorId, Province province, long afterId, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("year", year);
        params.put("after", afterId);
        String sql = "SELECT " + COLUMNS + " FROM score_sheet s WHERE s.state = 'APPROVED' AND s.score_year = :year"
                + " AND s.id > :after";
        if (operatorId != null) {
            sql += " AND s.operator_id = :operator";
            params.put("operator", operatorId);
        }
        if (province != null) {
            sql += " AND (s.province_code = :province OR s.authority_province_code = :province)";
            params.put("province", province.code());
        }
        return jdbc.sql(sql + " ORDER BY s.id LIMIT " + limit).params(params).query((rs, n) -> ranked(rs)).list();
    }

    private static String where(Province province) {
        return "s.state = 'APPROVED' AND s.score_year = :year AND s.operator_type = :type"
                + (province == null ? "" : " AND s.province_code = :province");
    }

    private static Map<String, Object> partition(int year, OrganisationType type, Province province) {
        Map<String, Object> params = new HashMap<>();
        params.put("year", year);
        params.put("type", type.name());
        if (province != null) {
            params.put("province", province.code());
        }
        return params;
    }

    private static Ranked ranked(ResultSet rs) throws SQLException {
        return new Ranked(rs.getLong("id"), rs.getLong("spot_check_id"), rs.getLong("operator_id"),
                rs.getString("operator_name"), OrganisationType.valueOf(rs.getString("operator_type")),
                ScoreSheetRepository.province(rs.getString("province_code")), rs.getInt("score_year"),
                rs.getBigDecimal("total"), rs.getBoolean("vetoed"), rs.getBoolean("outside_draw"),
                rs.getString("decided_by"), Jdbc.instant(rs, "decided_at"));
    }

    private static Object decimal(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new org.inspectorate.system.InvalidInputException("after", "list.after.invalid");
        }
    }
}
