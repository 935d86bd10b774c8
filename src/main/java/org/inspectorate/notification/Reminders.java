package org.inspectorate.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.inspectorate.notification.ReminderPolicy.Stage;
import org.inspectorate.system.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders of every deadline the {@link DeadlineSource}s know (提醒), each sent once: a run reads the deadlines due
 * between 30 days ago and 7 days ahead, asks {@link ReminderPolicy} which stage each is at, and for a key not yet in
 * {@code reminder_sent} delivers the reminder and records its key in the same transaction. Two runs at once (two
 * nodes, should the job lock ever be lost) cannot both send: the notification's unique (recipient, dedup key) and the
 * reminder key's primary key let only one commit. {@link NotificationJobs} runs it once a day under a ShedLock lock.
 */
@Service
class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final List<DeadlineSource> sources;
    private final Deliveries deliveries;
    private final Recipients recipients;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Reminders(List<DeadlineSource> sources, Deliveries deliveries, Recipients recipients, JdbcClient jdbc,
            PlatformTransactionManager transactions, Clock clock) {
        this.sources = sources;
        this.deliveries = deliveries;
        this.recipients = recipients;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Sends today's reminders not sent yet; how many reminders (not recipients) were sent by this run. */
    int run() {
        LocalDate today = LocalDate.now(clock);
        int[] sent = {0};
        for (DeadlineSource source : sources) {
            source.forEachDue(ReminderPolicy.from(today), ReminderPolicy.until(today), due -> {
                Optional<Stage> stage = ReminderPolicy.stage(due.dueOn(), today);
                if (stage.isPresent() && send(due, stage.get())) {
                    sent[0]++;
                }
            });
        }
        return sent[0];
    }

    private boolean send(DueDeadline due, Stage stage) {
        Notice notice = due.notice(stage);
        if (alreadySent(notice.dedupKey())) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                jdbc.sql("INSERT INTO reminder_sent (reminder_key, due_on, sent_at) VALUES (:k, :due, :now)")
                        .param("k", notice.dedupKey()).param("due", java.sql.Date.valueOf(due.dueOn()))
                        .param("now", Jdbc.ts(clock.instant())).update();
                recipients.forEachChunk(due.audience(), chunk -> deliveries.deliver(notice, chunk));
                return true;
            }));
        } catch (DataIntegrityViolationException | ConcurrencyFailureException sentByAnotherRun) {
            // Another run holds or committed the same key. Should it roll back instead, the reminder is still due
            // on the next run (its stage lasts days), so nothing is lost.
            log.debug("Reminder {} was sent by another run", notice.dedupKey());
            return false;
        }
    }

    private boolean alreadySent(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM reminder_sent WHERE reminder_key = :k").param("k", key)
                .query(Long.class).single() > 0;
    }
}
