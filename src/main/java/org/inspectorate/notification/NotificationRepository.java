package org.inspectorate.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.inspectorate.system.Jdbc;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Notifications and the unread counters in SQL; every read of an inbox is limited to its recipient. */
@Repository
class NotificationRepository {

    /** Separates the arguments in their one column (a control character no message argument holds). */
    private static final String SEPARATOR = "\u001f";
    private static final int MAX_ARGUMENTS = 2000;

    private static final String COLUMNS = """
            n.id, n.recipient_id, n.kind, n.title_key, n.body_key, n.arguments, n.link, n.created_at, n.read_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    NotificationRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** How the notification goes by mail: not at all, now (pending), in the daily digest, or sent. */
    enum MailState { NONE, PENDING, DIGEST, SENT }

    /**
     * Adds the notice to the recipient's inbox unless the recipient already has it (same dedup key: a redelivered
     * event); moves the unread counter for an in-app one. The id, or empty when it was there already.
     */
    Optional<Long> insert(long recipientId, Notice notice, boolean inApp, MailState mail, Instant now) {
        if (exists(recipientId, notice.dedupKey())) {
            return Optional.empty();
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO notification (recipient_id, kind, title_key, body_key, arguments, link, dedup_key, in_app,
                    mail_state, created_at)
                VALUES (:recipient, :kind, :title, :body, :arguments, :link, :dedup, :in_app, :mail, :now)""")
                .param("recipient", recipientId).param("kind", notice.kind().name())
                .param("title", notice.titleKey()).param("body", notice.bodyKey())
                .param("arguments", joined(notice.arguments())).param("link", notice.link())
                .param("dedup", notice.dedupKey()).param("in_app", inApp).param("mail", mail.name())
                .param("now", Jdbc.ts(now))
                .update(key, "id");
        if (inApp) {
            moveUnread(recipientId, 1);
        }
        return Optional.of(key.getKey().longValue());
    }

    private boolean exists(long recipientId, String dedupKey) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = :r AND dedup_key = :k")
                .param("r", recipientId).param("k", dedupKey).query(Long.class).single() > 0;
    }

    /** The recipient's in-app notifications, newest first, {@code limit} of them below the id {@code before}. */
    List<Notification> inbox(long recipientId, long before, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification n WHERE n.recipient_id = :r AND n.in_app = TRUE"
                        + " AND n.id < :before ORDER BY n.id DESC LIMIT :limit")
                .param("r", recipientId).param("before", before).param("limit", limit)
                .query(NotificationRepository::map).list();
    }

    /** The recipient's own notification (any other's is absent: 404). */
    Optional<Notification> find(long id, long recipientId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification n WHERE n.id = :id AND n.recipient_id = :r")
                .param("id", id).param("r", recipientId).query(NotificationRepository::map).optional();
    }

    /** Saves its read time if it was unread until now; the counter moves only for the writer that changed it. */
    void saveRead(Notification n) {
        int changed = jdbc.sql("UPDATE notification SET read_at = :at WHERE id = :id AND read_at IS NULL")
                .param("at", Jdbc.ts(n.readAt())).param("id", n.id()).update();
        if (changed > 0) {
            moveUnread(n.recipientId(), -changed);
        }
    }

    /** Marks every unread in-app notification of the recipient read; how many. */
    int markAllRead(long recipientId, Instant at) {
        int changed = jdbc.sql("UPDATE notification SET read_at = :at"
                        + " WHERE recipient_id = :r AND in_app = TRUE AND read_at IS NULL")
                .param("at", Jdbc.ts(at)).param("r", recipientId).update();
        if (changed > 0) {
            moveUnread(recipientId, -changed);
        }
        return changed;
    }

    /** The kept unread count: one primary-key read. */
    int unread(long recipientId) {
        return jdbc.sql("SELECT unread FROM notification_unread WHERE recipient_id = :r")
                .param("r", recipientId).query(Integer.class).optional().orElse(0);
    }

    /**
     * Moves the counter in the caller's transaction; a missing row is first inserted with 0 in its own short
     * transaction (a duplicate there is a lost race with another writer, and harmless).
     */
    private void moveUnread(long recipientId, int delta) {
        // A plain read first, never an UPDATE that finds nothing: on MariaDB such an UPDATE locks the gap the new
        // row goes into, and the short transaction inserting it would then wait for this one.
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM notification_unread WHERE recipient_id = :r")
                .param("r", recipientId).query(Long.class).single() > 0;
        if (!exists) {
            try {
                ownTransaction.executeWithoutResult(s -> jdbc.sql(
                                "INSERT INTO notification_unread (recipient_id, unread) VALUES (:r, 0)")
                        .param("r", recipientId).update());
            } catch (DuplicateKeyException lostRace) {
                // another writer inserted it first
            }
        }
        jdbc.sql("UPDATE notification_unread SET unread = unread + :d WHERE recipient_id = :r")
                .param("d", delta).param("r", recipientId).update();
    }

    // --- mail ------------------------------------------------------------------------------

    /** What the mailer needs of a notification: its text and where it stands. */
    record Mail(Notification notification, MailState state) {
    }

    Optional<Mail> mail(long id) {
        return jdbc.sql("SELECT " + COLUMNS + ", n.mail_state FROM notification n WHERE n.id = :id")
                .param("id", id)
                .query((rs, i) -> new Mail(map(rs, i), MailState.valueOf(rs.getString("mail_state"))))
                .optional();
    }

    void markMailed(List<Long> ids, Instant at) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE notification SET mail_state = 'SENT', mailed_at = :at WHERE id IN (:ids)")
                    .param("at", Jdbc.ts(at)).param("ids", ids).update();
        }
    }

    /** Recipients with notifications waiting for their digest, a page after {@code afterRecipient}. */
    List<Long> digestRecipients(long afterRecipient, int limit) {
        return jdbc.sql("SELECT DISTINCT recipient_id FROM notification WHERE mail_state = 'DIGEST'"
                        + " AND recipient_id > :after ORDER BY recipient_id LIMIT :limit")
                .param("after", afterRecipient).param("limit", limit).query(Long.class).list();
    }

    /** The recipient's notifications waiting for the digest, oldest first (at most {@code limit}). */
    List<Notification> digestOf(long recipientId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification n WHERE n.mail_state = 'DIGEST'"
                        + " AND n.recipient_id = :r ORDER BY n.id LIMIT :limit")
                .param("r", recipientId).param("limit", limit).query(NotificationRepository::map).list();
    }

    private static String joined(List<String> arguments) {
        String text = String.join(SEPARATOR, arguments);
        return text.length() > MAX_ARGUMENTS ? text.substring(0, MAX_ARGUMENTS) : text;
    }

    private static Notification map(ResultSet rs, int row) throws SQLException {
        String args = rs.getString("arguments");
        return new Notification(rs.getLong("id"), rs.getLong("recipient_id"),
                NotificationKind.valueOf(rs.getString("kind")), rs.getString("title_key"), rs.getString("body_key"),
                args.isEmpty() ? List.of() : Arrays.asList(args.split(SEPARATOR, -1)), rs.getString("link"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "read_at"));
    }
}
