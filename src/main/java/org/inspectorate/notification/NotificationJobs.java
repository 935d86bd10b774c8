package org.inspectorate.notification;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The notification module's scheduled jobs, each under a ShedLock lock (table {@code shedlock}) so that with several
 * nodes exactly one runs it: the daily reminders, the daily digest, and the resubmission of the notifications'
 * incomplete event publications (mail the server did not take). Scheduling is on in the application and off in tests
 * ({@code inspectorate.notification.scheduling.enabled}); tests call the methods.
 */
@Component
class NotificationJobs {

    private static final Logger log = LoggerFactory.getLogger(NotificationJobs.class);
    /** A publication younger than this may still be on its first delivery (on another node): left alone. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(2);
    private static final int DIGEST_PAGE = 500;

    private final Reminders reminders;
    private final NotificationMailer mailer;
    private final NotificationRepository notifications;
    private final IncompleteEventPublications incomplete;

    NotificationJobs(Reminders reminders, NotificationMailer mailer, NotificationRepository notifications,
            IncompleteEventPublications incomplete) {
        this.reminders = reminders;
        this.mailer = mailer;
        this.notifications = notifications;
        this.incomplete = incomplete;
    }

    /** Today's reminders, once a day on one node; the lock is held at least 10 minutes so no other node repeats it. */
    @Scheduled(cron = "${inspectorate.notification.reminders-cron}", zone = "${inspectorate.notification.zone}")
    @SchedulerLock(name = "notification-reminders", lockAtLeastFor = "PT10M", lockAtMostFor = "PT2H")
    public void sendReminders() {
        int sent = reminders.run();
        log.info("Reminders sent: {}", sent);
    }

    /** Every recipient's digest of the notifications kept for it, once a day on one node. */
    @Scheduled(cron = "${inspectorate.notification.digest-cron}", zone = "${inspectorate.notification.zone}")
    @SchedulerLock(name = "notification-digest", lockAtLeastFor = "PT10M", lockAtMostFor = "PT2H")
    public void sendDigests() {
        long after = 0;
        java.util.List<Long> page;
        do {
            page = notifications.digestRecipients(after, DIGEST_PAGE);
            for (long recipient : page) {
                try {
                    mailer.sendDigest(recipient);
                } catch (RuntimeException mailServerDown) {
                    // kept for the next run: the notifications stay in the digest state
                    log.warn("Digest for account {} not sent: {}", recipient, mailServerDown.toString());
                }
            }
            after = page.isEmpty() ? after : page.get(page.size() - 1);
        } while (page.size() == DIGEST_PAGE);
    }

    /** Resubmits the incomplete publications (a mail the server refused) older than {@link #RETRY_AFTER}. */
    @Scheduled(fixedDelayString = "${inspectorate.notification.retry-delay}")
    @SchedulerLock(name = "notification-retry", lockAtMostFor = "PT10M")
    public void retryIncomplete() {
        retryOlderThan(RETRY_AFTER);
    }

    void retryOlderThan(Duration age) {
        incomplete.resubmitIncompletePublicationsOlderThan(age);
    }
}
