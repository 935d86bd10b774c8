package org.inspectorate.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.inspectorate.notification.Preferences.Channels;
import org.inspectorate.system.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users' notification preferences in SQL; a user without a row has the defaults. */
@Repository
class PreferenceRepository {

    private final JdbcClient jdbc;

    PreferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Preferences find(long userId) {
        return findAll(List.of(userId)).getOrDefault(userId, Preferences.defaults(userId));
    }

    /** The saved preferences of the users among {@code userIds} (absent: defaults), in two queries. */
    Map<Long, Preferences> findAll(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<NotificationKind, Channels>> channels = new HashMap<>();
        jdbc.sql("SELECT user_id, kind, in_app, by_mail FROM notification_channel WHERE user_id IN (:ids)")
                .param("ids", userIds)
                .query(rs -> {
                    channels.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(NotificationKind.class))
                            .put(NotificationKind.valueOf(rs.getString(2)), new Channels(rs.getBoolean(3),
                                    rs.getBoolean(4)));
                });
        Map<Long, Preferences> out = new HashMap<>();
        jdbc.sql("SELECT user_id, email, language, digest, version FROM notification_preference"
                        + " WHERE user_id IN (:ids)")
                .param("ids", userIds)
                .query(rs -> {
                    long id = rs.getLong(1);
                    out.put(id, new Preferences(id, rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            channels.getOrDefault(id, Map.of()), rs.getInt(5)));
                });
        return out;
    }

    /**
     * Saves the preferences if their version is still {@code p.version()} (a first save inserts version 1); false
     * when another save came first.
     */
    boolean save(Preferences p, Instant now) {
        int changed;
        if (p.version() == 0) {
            boolean exists = jdbc.sql("SELECT COUNT(*) FROM notification_preference WHERE user_id = :u")
                    .param("u", p.userId()).query(Long.class).single() > 0;
            if (exists) {
                return false;
            }
            changed = jdbc.sql("""
                    INSERT INTO notification_preference (user_id, email, language, digest, updated_at, version)
                    VALUES (:u, :email, :language, :digest, :now, 1)""")
                    .param("u", p.userId()).param("email", p.email()).param("language", p.language())
                    .param("digest", p.digest()).param("now", Jdbc.ts(now)).update();
        } else {
            changed = jdbc.sql("""
                    UPDATE notification_preference SET email = :email, language = :language, digest = :digest,
                        updated_at = :now, version = version + 1
                    WHERE user_id = :u AND version = :version""")
                    .param("u", p.userId()).param("email", p.email()).param("language", p.language())
                    .param("digest", p.digest()).param("now", Jdbc.ts(now)).param("version", p.version()).update();
        }
        if (changed == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM notification_channel WHERE user_id = :u").param("u", p.userId()).update();
        p.channels().forEach((kind, c) -> {
            if (!c.equals(Channels.DEFAULT)) {
                jdbc.sql("INSERT INTO notification_channel (user_id, kind, in_app, by_mail) VALUES (:u, :k, :i, :m)")
                        .param("u", p.userId()).param("k", kind.name()).param("i", c.inApp())
                        .param("m", c.byMail()).update();
            }
        });
        return true;
    }
}
