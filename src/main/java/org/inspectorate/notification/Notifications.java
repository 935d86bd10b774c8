package org.inspectorate.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.inspectorate.notification.Preferences.Channels;
import org.inspectorate.organisation.Actor;
import org.inspectorate.system.ConflictException;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.inspectorate.system.Total;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's inbox and preferences (通知): a keyset-paged list newest first, the kept unread count, marking
 * read, and the preferences page's reads and saves. Reading one's own inbox is not audited (it holds no inspection
 * data, only what the records it links to show under their own rules); a change of preferences is.
 */
@Service
class Notifications {

    private final NotificationRepository repository;
    private final PreferenceRepository preferences;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notifications(NotificationRepository repository, PreferenceRepository preferences, MessageSource messages,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.preferences = preferences;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** The actor's notifications newest first, a page after the cursor (the last id shown); total: the unread. */
    @Transactional(readOnly = true)
    public PageResult<InboxEntry> inbox(Actor actor, PageRequest page, Locale locale) {
        if (!NotificationAccess.hasInbox(actor)) {
            return new PageResult<>(List.of(), 0, page.size(), 0);
        }
        long me = NotificationAccess.recipientOf(actor);
        long before = page.after() == null ? Long.MAX_VALUE : page.after().id();
        List<Notification> fetched = repository.inbox(me, before, page.size() + 1);
        boolean more = fetched.size() > page.size();
        List<InboxEntry> items = (more ? fetched.subList(0, page.size()) : fetched).stream()
                .map(n -> render(n, locale)).toList();
        Keyset next = more ? new Keyset("", items.get(items.size() - 1).id()) : null;
        return new PageResult<>(items, page.page(), page.size(), Total.exact(repository.unread(me)), next);
    }

    /** The actor's unread count, as the navigation shows it: one primary-key read of the kept counter. */
    @Transactional(readOnly = true)
    public int unread(Actor actor) {
        return NotificationAccess.hasInbox(actor) ? repository.unread(NotificationAccess.recipientOf(actor)) : 0;
    }

    /** One of the actor's own notifications; another's, or none: 404. */
    @Transactional(readOnly = true)
    public InboxEntry get(Actor actor, long id, Locale locale) {
        return render(own(actor, id), locale);
    }

    /** Marks one of the actor's notifications read (already read: nothing changes); the link it leads to. */
    @Transactional
    public InboxEntry markRead(Actor actor, long id, Locale locale) {
        Notification n = own(actor, id);
        if (n.state() == NotificationState.UNREAD) {
            n.markRead(clock.instant());
            repository.saveRead(n);
        }
        return render(n, locale);
    }

    /** Marks every unread notification of the actor read; how many were. */
    @Transactional
    public int markAllRead(Actor actor) {
        return NotificationAccess.hasInbox(actor)
                ? repository.markAllRead(NotificationAccess.recipientOf(actor), clock.instant()) : 0;
    }

    private Notification own(Actor actor, long id) {
        if (!NotificationAccess.hasInbox(actor)) {
            throw new NotFoundException("notification", id);
        }
        return repository.find(id, NotificationAccess.recipientOf(actor))
                .orElseThrow(() -> new NotFoundException("notification", id));
    }

    InboxEntry render(Notification n, Locale locale) {
        Object[] args = n.arguments().toArray();
        return new InboxEntry(n.id(), n.kind(), messages.getMessage(n.titleKey(), args, n.titleKey(), locale),
                messages.getMessage(n.bodyKey(), args, n.bodyKey(), locale), n.link(), n.createdAt(), n.readAt());
    }

    // --- preferences -----------------------------------------------------------------------

    /** The actor's preferences (the defaults until they save their own). */
    @Transactional(readOnly = true)
    public Preferences preferences(Actor actor) {
        requireInbox(actor);
        return preferences.find(NotificationAccess.recipientOf(actor));
    }

    /**
     * Saves the actor's preferences after checking the whole input: an address that does not parse, an unknown
     * language or kind is refused per field and nothing is saved; a save on an outdated version is a conflict.
     */
    @Transactional
    public Preferences savePreferences(Actor actor, PreferencesInput input) {
        requireInbox(actor);
        Preferences next = validated(NotificationAccess.recipientOf(actor), input);
        Instant now = clock.instant();
        if (!preferences.save(next, now)) {
            throw new ConflictException("notification.preferences.conflict");
        }
        events.publishEvent(new NotificationPreferencesChanged(next.userId(), next.email() != null, next.digest(),
                next.channels().size()));
        return preferences.find(next.userId());
    }

    private static void requireInbox(Actor actor) {
        if (!NotificationAccess.hasInbox(actor)) {
            throw new NotFoundException("notification-preferences", actor.userId());
        }
    }

    static Preferences validated(long userId, PreferencesInput input) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        String email = null;
        if (input.email() != null && !input.email().isBlank()) {
            email = EmailAddress.parse(input.email()).orElse(null);
            if (email == null) {
                problems.add(new FieldProblem("email", "notification.email.invalid", input.email().strip()));
            }
        }
        String language = input.language() == null || input.language().isBlank() ? Preferences.DEFAULT_LANGUAGE
                : input.language().strip();
        if (!Preferences.LANGUAGES.contains(language)) {
            problems.add(new FieldProblem("language", "notification.language.invalid"));
        }
        Map<NotificationKind, Channels> channels = new EnumMap<>(NotificationKind.class);
        List<NotificationKind> mutedInApp = kinds(input.mutedInApp(), "mutedInApp", problems);
        List<NotificationKind> mutedByMail = kinds(input.mutedByMail(), "mutedByMail", problems);
        for (NotificationKind k : NotificationKind.values()) {
            Channels c = new Channels(!mutedInApp.contains(k), !mutedByMail.contains(k));
            if (!c.equals(Channels.DEFAULT)) {
                channels.put(k, c);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Preferences(userId, email, language, input.digest(), channels, input.version());
    }

    private static List<NotificationKind> kinds(List<String> names, String field, List<FieldProblem> problems) {
        List<NotificationKind> out = new java.util.ArrayList<>();
        for (String name : names) {
            try {
                out.add(NotificationKind.parse(name));
            } catch (IllegalArgumentException unknown) {
                problems.add(new FieldProblem(field, "notification.kind.unknown", name));
            }
        }
        return out;
    }
}
