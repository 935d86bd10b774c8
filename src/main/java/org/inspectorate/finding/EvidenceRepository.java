package org.inspectorate.finding;

import static org.inspectorate.system.Jdbc.instant;
import static org.inspectorate.system.Jdbc.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Evidence files and their bytes. */
@Repository
class EvidenceRepository {

    private static final String COLUMNS = "e.id, e.owner_kind, e.owner_id, e.organisation_id, e.file_name, "
            + "e.content_type, e.size_bytes, e.sha256, e.uploaded_by, e.uploaded_at";

    private final JdbcClient jdbc;

    EvidenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String ownerKind, long ownerId, long organisationId, String fileName, String contentType,
            byte[] content, String sha256, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO evidence_file (owner_kind, owner_id, organisation_id, file_name, content_type, size_bytes,
                    sha256, content, uploaded_by, uploaded_at)
                VALUES (:kind, :owner, :org, :name, :type, :size, :sha, :content, :by, :at)""")
                .param("kind", ownerKind).param("owner", ownerId).param("org", organisationId).param("name", fileName)
                .param("type", contentType).param("size", (long) content.length).param("sha", sha256)
                .param("content", content).param("by", by).param("at", ts(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<EvidenceFile> list(String ownerKind, long ownerId, SqlScope scope) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evidence_file e WHERE e.owner_kind = :kind AND e.owner_id = :owner"
                + " AND " + scope.sql() + " ORDER BY e.uploaded_at, e.id")
                .param("kind", ownerKind).param("owner", ownerId).params(scope.params())
                .query((rs, n) -> map(rs)).list();
    }

    Optional<EvidenceFile> find(long id, SqlScope scope) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evidence_file e WHERE e.id = :id AND " + scope.sql())
                .param("id", id).params(scope.params()).query((rs, n) -> map(rs)).optional();
    }

    byte[] content(long id) {
        return jdbc.sql("SELECT content FROM evidence_file WHERE id = :id").param("id", id)
                .query((rs, n) -> rs.getBytes("content")).single();
    }

    private static EvidenceFile map(ResultSet rs) throws SQLException {
        return new EvidenceFile(rs.getLong("id"), rs.getString("owner_kind"), rs.getLong("owner_id"),
                rs.getLong("organisation_id"), rs.getString("file_name"), rs.getString("content_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
                instant(rs, "uploaded_at"));
    }
}
