package org.inspectorate.filing.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.inspectorate.system.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Unit attachments in SQL; callers check the unit's visibility first, every read names the unit. */
@Repository
class UnitAttachmentRepository {

    private static final String COLUMNS = """
            a.id, a.unit_id, a.attachment_kind, a.file_name, a.content_type, a.file_size, a.sha256,
            a.uploaded_by, a.uploaded_at""";

    private final JdbcClient jdbc;

    UnitAttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long unitId, AttachmentKind kind, UploadedFiles.Checked file, String by, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO unit_attachment (unit_id, attachment_kind, file_name, content_type, file_size, sha256,
                    uploaded_by, uploaded_at)
                VALUES (:unit, :kind, :name, :type, :size, :sha, :by, :now)""")
                .param("unit", unitId)
                .param("kind", kind.name())
                .param("name", file.fileName())
                .param("type", file.contentType())
                .param("size", (long) file.content().length)
                .param("sha", file.sha256())
                .param("by", by)
                .param("now", Jdbc.ts(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("INSERT INTO unit_attachment_file (attachment_id, content) VALUES (:id, :content)")
                .param("id", id)
                .param("content", file.content())
                .update();
        return id;
    }

    List<UnitAttachment> list(long unitId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit_attachment a WHERE a.unit_id = :unit"
                        + " ORDER BY a.uploaded_at DESC, a.id DESC")
                .param("unit", unitId)
                .query(UnitAttachmentRepository::map)
                .list();
    }

    Optional<UnitAttachment> find(long unitId, long attachmentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM unit_attachment a WHERE a.id = :id AND a.unit_id = :unit")
                .param("id", attachmentId)
                .param("unit", unitId)
                .query(UnitAttachmentRepository::map)
                .optional();
    }

    Optional<byte[]> content(long attachmentId) {
        return jdbc.sql("SELECT content FROM unit_attachment_file WHERE attachment_id = :id")
                .param("id", attachmentId)
                .query((rs, n) -> rs.getBytes("content"))
                .optional();
    }

    boolean delete(long unitId, long attachmentId) {
        jdbc.sql("DELETE FROM unit_attachment_file WHERE attachment_id = :id").param("id", attachmentId).update();
        return jdbc.sql("DELETE FROM unit_attachment WHERE id = :id AND unit_id = :unit")
                .param("id", attachmentId)
                .param("unit", unitId)
                .update() == 1;
    }

    private static UnitAttachment map(ResultSet rs, int row) throws SQLException {
        return new UnitAttachment(rs.getLong("id"), rs.getLong("unit_id"),
                AttachmentKind.valueOf(rs.getString("attachment_kind")), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("file_size"), rs.getString("sha256"),
                rs.getString("uploaded_by"), Jdbc.instant(rs, "uploaded_at"));
    }
}
