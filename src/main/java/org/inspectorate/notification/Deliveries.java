package org.inspectorate.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.inspectorate.notification.NotificationRepository.MailState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers a notice to its recipients by each one's preferences ({@link DeliveryPolicy}): keeps it in the inbox,
 * requests its mail (after this transaction commits, through the event publication registry) or keeps it for the
 * digest. A recipient who has the notice already (a redelivered event) gets nothing new.
 */
@Service
class Deliveries {

    private final NotificationRepository notifications;
    private final PreferenceRepository preferences;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Deliveries(NotificationRepository notifications, PreferenceRepository preferences,
            ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.events = events;
        this.clock = clock;
    }

    /** Delivers the notice to each recipient once; how many got it now. */
    @Transactional
    public int deliver(Notice notice, Collection<Long> recipientIds) {
        List<Long> recipients = List.copyOf(new LinkedHashSet<>(recipientIds));
        Map<Long, Preferences> saved = preferences.findAll(recipients);
        int delivered = 0;
        for (long recipient : recipients) {
            DeliveryPolicy.Route route = DeliveryPolicy.route(
                    saved.getOrDefault(recipient, Preferences.defaults(recipient)), notice.kind());
            if (route == null) {
                continue;
            }
            var id = notifications.insert(recipient, notice, route.inApp(), route.mail(), clock.instant());
            if (id.isPresent()) {
                delivered++;
                if (route.mail() == MailState.PENDING) {
                    events.publishEvent(new NotificationMailRequested(id.get()));
                }
            }
        }
        return delivered;
    }
}
