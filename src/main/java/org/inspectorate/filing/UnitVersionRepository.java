package org.inspectorate.filing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.inspectorate.system.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The kept versions of network units' filings (every version a JSON snapshot of its content), in SQL: written
 * as a filing moves through its states, read for the history and the comparison of two versions.
 */
@Repository
class UnitVersionRepository {

    private final JdbcClient jdbc;

    UnitVersionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertVersion(long unitId, int versionNo, FilingState state, FilingKind kind, UnitContent content,
            FilingAuthority authority, String by, Instant now) {
        jdbc.sql("""
                INSERT INTO network_unit_version (unit_id, version_no, filing_state, filing_kind, snapshot,
                    authority_province_code, created_by, created_at)
                VALUES (:unit, :no, :state, :kind, :snapshot, :authority, :by, :now)""")
                .param("unit", unitId)
                .param("no", versionNo)
                .param("state", state.name())
                .param("kind", kind.name())
                .param("snapshot", NetworkUnitRepository.JSON.writeValueAsString(content))
                .param("authority", NetworkUnitRepository.authorityCode(authority))
                .param("by", by)
                .param("now", Jdbc.ts(now))
                .update();
    }

    void updateDraftVersion(long unitId, int versionNo, UnitContent content) {
        jdbc.sql("""
                UPDATE network_unit_version SET snapshot = :snapshot
                WHERE unit_id = :unit AND version_no = :no AND filing_state = 'DRAFT'""")
                .param("snapshot", NetworkUnitRepository.JSON.writeValueAsString(content))
                .param("unit", unitId)
                .param("no", versionNo)
                .update();
    }

    void submitVersion(long unitId, int versionNo, FilingAuthority authority, String by, Instant now) {
        jdbc.sql("""
                UPDATE network_unit_version SET filing_state = 'SUBMITTED', authority_province_code = :authority,
                    submitted_by = :by, submitted_at = :now
                WHERE unit_id = :unit AND version_no = :no""")
                .param("authority", NetworkUnitRepository.authorityCode(authority))
                .param("by", by)
                .param("now", Jdbc.ts(now))
                .param("unit", unitId)
                .param("no", versionNo)
                .update();
    }

    void decideVersion(long unitId, int versionNo, FilingState state, String by, Instant now, String reasons,
            String filingNumber) {
        jdbc.sql("""
                UPDATE network_unit_version SET filing_state = :state, decided_by = :by, decided_at = :now,
                    decision_reasons = :reasons, filing_number = :number
                WHERE unit_id = :unit AND version_no = :no""")
                .param("state", state.name())
                .param("by", by)
                .param("now", Jdbc.ts(now))
                .param("reasons", reasons)
                .param("number", filingNumber)
                .param("unit", unitId)
                .param("no", versionNo)
                .update();
    }

    void supersede(long unitId, int versionNo) {
        jdbc.sql("""
                UPDATE network_unit_version SET filing_state = 'SUPERSEDED'
                WHERE unit_id = :unit AND version_no = :no AND filing_state = 'FILED'""")
                .param("unit", unitId)
                .param("no", versionNo)
                .update();
    }

    List<UnitVersion> versions(long unitId) {
        return jdbc.sql("""
                SELECT version_no, filing_state, filing_kind, authority_province_code, created_by, created_at,
                    submitted_by, submitted_at, decided_by, decided_at, decision_reasons, filing_number
                FROM network_unit_version WHERE unit_id = :unit ORDER BY version_no DESC""")
                .param("unit", unitId)
                .query((rs, n) -> new UnitVersion(rs.getInt("version_no"),
                        FilingState.valueOf(rs.getString("filing_state")),
                        FilingKind.valueOf(rs.getString("filing_kind")),
                        NetworkUnitRepository.authority(rs.getString("authority_province_code")), rs.getString("created_by"),
                        Jdbc.instant(rs, "created_at"), rs.getString("submitted_by"),
                        Jdbc.instant(rs, "submitted_at"), rs.getString("decided_by"), Jdbc.instant(rs, "decided_at"),
                        rs.getString("decision_reasons"), rs.getString("filing_number")))
                .list();
    }

    Optional<UnitContent> snapshot(long unitId, int versionNo) {
        return jdbc.sql("SELECT snapshot FROM network_unit_version WHERE unit_id = :unit AND version_no = :no")
                .param("unit", unitId)
                .param("no", versionNo)
                .query((rs, n) -> NetworkUnitRepository.JSON.readValue(rs.getString("snapshot"), UnitContent.class))
                .optional();
    }
}
