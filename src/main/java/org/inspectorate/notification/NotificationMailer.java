package org.inspectorate.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.inspectorate.notification.NotificationRepository.Mail;
import org.inspectorate.notification.NotificationRepository.MailState;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends notifications by e-mail (Spring Mail over SMTP, {@code spring.mail.*}), in the recipient's chosen language.
 * Each mail is a listener of {@link NotificationMailRequested} after the notification's transaction commits: when the
 * mail server refuses or is down the listener fails, its publication stays incomplete in the event publication
 * registry, and {@link NotificationJobs} resubmits it until the mail goes, so no mail is lost. A notification already
 * mailed is not mailed again when a publication is resubmitted twice.
 */
@Component
class NotificationMailer {

    /** The most notifications one digest mail lists; the rest go in the next one. */
    static final int DIGEST_MAX = 100;

    private final NotificationRepository notifications;
    private final PreferenceRepository preferences;
    private final JavaMailSender sender;
    private final MessageSource messages;
    private final Clock clock;
    private final String from;
    private final String baseUrl;

    NotificationMailer(NotificationRepository notifications, PreferenceRepository preferences, JavaMailSender sender,
            MessageSource messages, Clock clock, @Value("${inspectorate.notification.mail-from}") String from,
            @Value("${inspectorate.public-base-url:}") String baseUrl) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.sender = sender;
        this.messages = messages;
        this.clock = clock;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @ApplicationModuleListener
    void on(NotificationMailRequested request) {
        send(request.notificationId());
    }

    /** Mails the notification if it still waits for its mail; a failure of the server propagates (retried). */
    @Transactional
    void send(long notificationId) {
        Mail mail = notifications.mail(notificationId).orElse(null);
        if (mail == null || mail.state() != MailState.PENDING) {
            return;
        }
        Notification n = mail.notification();
        Preferences p = preferences.find(n.recipientId());
        if (p.email() == null) {
            return; // the address was removed since: nothing to send to
        }
        Locale locale = Locale.forLanguageTag(p.language());
        String subject = text(n.titleKey(), n.arguments(), locale);
        String body = text(n.bodyKey(), n.arguments(), locale) + link(n, locale) + footer(locale);
        sender.send(message(p.email(), subject, body));
        notifications.markMailed(List.of(n.id()), clock.instant());
    }

    /** Mails one recipient's digest of the notifications kept for it; how many it listed. */
    @Transactional
    int sendDigest(long recipientId) {
        List<Notification> waiting = notifications.digestOf(recipientId, DIGEST_MAX);
        Preferences p = preferences.find(recipientId);
        if (waiting.isEmpty() || p.email() == null) {
            return 0;
        }
        Locale locale = Locale.forLanguageTag(p.language());
        StringBuilder body = new StringBuilder(messages.getMessage("notification.digest.intro",
                new Object[] {waiting.size()}, locale)).append("\n\n");
        for (Notification n : waiting) {
            body.append("• ").append(text(n.titleKey(), n.arguments(), locale)).append('\n')
                    .append("  ").append(text(n.bodyKey(), n.arguments(), locale)).append(link(n, locale))
                    .append('\n');
        }
        body.append(footer(locale));
        sender.send(message(p.email(), messages.getMessage("notification.digest.subject",
                new Object[] {waiting.size()}, locale), body.toString()));
        notifications.markMailed(waiting.stream().map(Notification::id).toList(), clock.instant());
        return waiting.size();
    }

    private MimeMessage message(String to, String subject, String body) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body, false);
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        return message;
    }

    private String text(String key, List<String> args, Locale locale) {
        return messages.getMessage(key, args.toArray(), key, locale);
    }

    private String link(Notification n, Locale locale) {
        return n.link() == null ? "" : "\n" + messages.getMessage("notification.mail.link", null, locale) + " "
                + baseUrl + n.link();
    }

    private String footer(Locale locale) {
        return "\n\n-- \n" + messages.getMessage("notification.mail.footer", null, locale) + " " + baseUrl
                + "/notifications/preferences\n";
    }
}
