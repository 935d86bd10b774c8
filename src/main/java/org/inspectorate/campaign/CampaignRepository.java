package org.inspectorate.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.inspectorate.system.Jdbc;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Campaigns and their definition versions in SQL. Version texts are written once and never updated. */
@Repository
class CampaignRepository {

    private static final String CAMPAIGN_COLUMNS = """
            c.id, c.campaign_code, c.campaign_year, c.title_zh, c.title_en, c.state, c.published_version,
            c.latest_version, c.updated_at, c.closed_at""";

    private static final String VERSION_COLUMNS = """
            v.campaign_code, v.version_no, v.status, v.campaign_year, v.title_zh, v.title_en, v.sha256,
            v.size_bytes, v.file_name, v.uploaded_by, v.uploaded_at, v.published_by, v.published_at""";

    private static final Map<String, String> SORTABLE = Map.of("code", "c.campaign_code", "year", "c.campaign_year",
            "state", "c.state", "updatedAt", "c.updated_at", "title", "c.title_zh");

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A campaign row with its database id, for the service's own use. */
    record Row(long id, CampaignSummary summary) {
    }

    Optional<Row> findByCode(String code) {
        return jdbc.sql("SELECT " + CAMPAIGN_COLUMNS + " FROM campaign c WHERE c.campaign_code = :code")
                .param("code", code)
                .query(CampaignRepository::mapRow)
                .optional();
    }

    /**
     * The campaign to change, its row locked for the state change (upload, publish, close), so concurrent
     * changes queue up.
     */
    Optional<Campaign> lockByCode(String code) {
        return jdbc.sql("SELECT " + CAMPAIGN_COLUMNS + " FROM campaign c WHERE c.campaign_code = :code FOR UPDATE")
                .param("code", code)
                .query(CampaignRepository::mapRow)
                .optional()
                .map(r -> Campaign.restore(r.id(), r.summary()));
    }

    /** Stores a campaign before its first upload; returns it with its id. */
    Campaign insertCampaign(Campaign campaign, CampaignDefinition d, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO campaign (campaign_code, campaign_year, title_zh, title_en, state, latest_version,
                    created_at, updated_at)
                VALUES (:code, :year, :zh, :en, 'DRAFT', 0, :now, :now)""")
                .param("code", campaign.code())
                .param("year", d.year())
                .param("zh", d.title().zh())
                .param("en", d.title().en())
                .param("now", Jdbc.ts(now))
                .update(keys, "id");
        return campaign.storedAs(keys.getKey().longValue());
    }

    /** Saves an upload: the new draft version's text, and the campaign's latest version number. */
    void saveUploaded(Campaign campaign, CampaignUploaded uploaded, CampaignDefinition d, String text, int size,
            String fileName, Instant now) {
        long campaignId = campaign.id().orElseThrow();
        int number = campaign.latestVersion();
        String sha256 = uploaded.sha256();
        String uploadedBy = uploaded.actor();
        jdbc.sql("""
                INSERT INTO campaign_version (campaign_id, version_no, status, campaign_code, campaign_year,
                    title_zh, title_en, definition, sha256, size_bytes, file_name, uploaded_by, uploaded_at)
                VALUES (:campaignId, :number, 'DRAFT', :code, :year, :zh, :en, :text, :sha, :size, :fileName,
                    :uploadedBy, :now)""")
                .param("campaignId", campaignId)
                .param("number", number)
                .param("code", d.code())
                .param("year", d.year())
                .param("zh", d.title().zh())
                .param("en", d.title().en())
                .param("text", text)
                .param("sha", sha256)
                .param("size", size)
                .param("fileName", fileName)
                .param("uploadedBy", uploadedBy)
                .param("now", Jdbc.ts(now))
                .update();
        // Until a version is published, the campaign's list entry shows the latest draft's year and title.
        jdbc.sql("""
                UPDATE campaign SET latest_version = :number, updated_at = :now,
                    campaign_year = CASE WHEN published_version IS NULL THEN :year ELSE campaign_year END,
                    title_zh = CASE WHEN published_version IS NULL THEN :zh ELSE title_zh END,
                    title_en = CASE WHEN published_version IS NULL THEN :en ELSE title_en END
                WHERE id = :id""")
                .param("number", number)
                .param("now", Jdbc.ts(now))
                .param("year", d.year())
                .param("zh", d.title().zh())
                .param("en", d.title().en())
                .param("id", campaignId)
                .update();
    }

    /** Saves a publication: the version published, the previously published one superseded. */
    void savePublished(Campaign campaign, CampaignPublished published, CampaignVersion version, Instant now) {
        long campaignId = campaign.id().orElseThrow();
        int number = published.version();
        Integer previous = published.superseded();
        String by = published.actor();
        if (previous != null) {
            jdbc.sql("UPDATE campaign_version SET status = 'SUPERSEDED' WHERE campaign_id = :id AND version_no = :n")
                    .param("id", campaignId).param("n", previous).update();
        }
        int updated = jdbc.sql("""
                UPDATE campaign_version SET status = 'PUBLISHED', published_by = :by, published_at = :now
                WHERE campaign_id = :id AND version_no = :n AND status = 'DRAFT'""")
                .param("by", by).param("now", Jdbc.ts(now)).param("id", campaignId).param("n", number).update();
        if (updated != 1) {
            throw new IllegalStateException("version " + number + " of campaign " + campaignId + " is not a draft");
        }
        jdbc.sql("""
                UPDATE campaign SET state = 'PUBLISHED', published_version = :n, campaign_year = :year,
                    title_zh = :zh, title_en = :en, updated_at = :now
                WHERE id = :id""")
                .param("n", number).param("year", version.year()).param("zh", version.title().zh())
                .param("en", version.title().en()).param("now", Jdbc.ts(now)).param("id", campaignId).update();
    }

    /** Saves the campaign's closing. */
    void saveClosed(Campaign campaign, CampaignClosed closed, Instant now) {
        long campaignId = campaign.id().orElseThrow();
        String by = closed.actor();
        jdbc.sql("""
                UPDATE campaign SET state = 'CLOSED', closed_at = :now, closed_by = :by, updated_at = :now
                WHERE id = :id""")
                .param("now", Jdbc.ts(now)).param("by", by).param("id", campaignId).update();
    }

    List<CampaignVersion> versions(long campaignId) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM campaign_version v WHERE v.campaign_id = :id"
                        + " ORDER BY v.version_no DESC")
                .param("id", campaignId)
                .query(CampaignRepository::mapVersion)
                .list();
    }

    Optional<CampaignVersion> version(long campaignId, int number) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM campaign_version v"
                        + " WHERE v.campaign_id = :id AND v.version_no = :n")
                .param("id", campaignId).param("n", number)
                .query(CampaignRepository::mapVersion)
                .optional();
    }

    Optional<Integer> versionWithHash(long campaignId, String sha256) {
        return jdbc.sql("SELECT version_no FROM campaign_version WHERE campaign_id = :id AND sha256 = :sha")
                .param("id", campaignId).param("sha", sha256)
                .query(Integer.class)
                .optional();
    }

    String text(long campaignId, int number) {
        return jdbc.sql("SELECT definition FROM campaign_version WHERE campaign_id = :id AND version_no = :n")
                .param("id", campaignId).param("n", number)
                .query((rs, row) -> rs.getString("definition"))
                .single();
    }

    /** Codes of campaigns with a published version for the year, newest publication first. */
    List<String> publishedCodesForYear(int year) {
        return jdbc.sql("""
                SELECT campaign_code FROM campaign
                WHERE campaign_year = :year AND published_version IS NOT NULL
                ORDER BY updated_at DESC, campaign_code""")
                .param("year", year)
                .query(String.class)
                .list();
    }

    PageResult<CampaignSummary> search(CampaignQuery query, boolean includeDrafts, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!includeDrafts) {
            where.append(" AND c.published_version IS NOT NULL");
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" AND (LOWER(c.campaign_code) LIKE :text OR LOWER(c.title_zh) LIKE :text"
                    + " OR LOWER(c.title_en) LIKE :text)");
            params.put("text", "%" + escapeLike(query.text().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.state() != null) {
            where.append(" AND c.state = :state");
            params.put("state", query.state().name());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM campaign c" + where).params(params).query(Long.class).single();
        String column = page.sort() == null ? "c.campaign_year" : SORTABLE.getOrDefault(page.sort(), "c.campaign_year");
        String direction = page.sort() == null ? "DESC" : page.direction();
        List<CampaignSummary> items = jdbc.sql("SELECT " + CAMPAIGN_COLUMNS + " FROM campaign c" + where
                        + " ORDER BY " + column + " " + direction + ", c.campaign_code LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, row) -> mapRow(rs, row).summary())
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    private static String escapeLike(String text) {
        // Wildcards typed by the user match themselves, not everything.
        return text.replace("%", "").replace("_", "");
    }

    static Row mapRow(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getLong("id"), new CampaignSummary(rs.getString("campaign_code"), rs.getInt("campaign_year"),
                new LocalizedText(rs.getString("title_zh"), rs.getString("title_en")),
                CampaignState.valueOf(rs.getString("state")), rs.getObject("published_version", Integer.class),
                rs.getInt("latest_version"), Jdbc.instant(rs, "updated_at"), Jdbc.instant(rs, "closed_at")));
    }

    static CampaignVersion mapVersion(ResultSet rs, int row) throws SQLException {
        return new CampaignVersion(rs.getString("campaign_code"), rs.getInt("version_no"),
                VersionStatus.valueOf(rs.getString("status")), rs.getInt("campaign_year"),
                new LocalizedText(rs.getString("title_zh"), rs.getString("title_en")), rs.getString("sha256"),
                rs.getInt("size_bytes"), rs.getString("file_name"), rs.getString("uploaded_by"),
                Jdbc.instant(rs, "uploaded_at"), rs.getString("published_by"), Jdbc.instant(rs, "published_at"));
    }
}
