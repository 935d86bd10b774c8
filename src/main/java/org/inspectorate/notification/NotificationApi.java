package org.inspectorate.notification;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.inspectorate.organisation.Actor;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The REST face of the caller's own inbox and notification preferences; another's notification answers 404. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "站内通知与通知偏好")
class NotificationApi {

    private final Notifications notifications;

    NotificationApi(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "The caller's notifications, newest first",
            description = "Keyset-paged: pass the previous page's 'next' as 'after'. 'total' is the unread count.")
    PageResult<InboxEntryDto> inbox(Actor actor, @Parameter(description = "the previous page's next cursor")
            @RequestParam(required = false) String after, @RequestParam(defaultValue = "20") int size,
            Locale locale) {
        PageRequest page = new PageRequest(0, size, "id", false, Keyset.parse(after));
        return notifications.inbox(actor, page, locale).map(InboxEntryDto::of);
    }

    @GetMapping("/unread-count")
    @Operation(summary = "The caller's unread count (kept, not counted)")
    UnreadDto unread(Actor actor) {
        return new UnreadDto(notifications.unread(actor));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of the caller's notifications")
    InboxEntryDto get(Actor actor, @PathVariable long id, Locale locale) {
        return InboxEntryDto.of(notifications.get(actor, id, locale));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of the caller's notifications read")
    InboxEntryDto read(Actor actor, @PathVariable long id, Locale locale) {
        return InboxEntryDto.of(notifications.markRead(actor, id, locale));
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark all the caller's notifications read")
    MarkedDto readAll(Actor actor) {
        return new MarkedDto(notifications.markAllRead(actor));
    }

    @GetMapping("/preferences")
    @Operation(summary = "The caller's notification preferences")
    PreferencesDto preferences(Actor actor) {
        return PreferencesDto.of(notifications.preferences(actor));
    }

    @PutMapping("/preferences")
    @Operation(summary = "Replace the caller's notification preferences",
            description = "email blank: no mail; an address that does not parse is refused (field 'email'). "
                    + "mutedInApp / mutedByMail: the kinds turned off. version: as last read (0 before the first save).")
    PreferencesDto save(Actor actor, @RequestBody PreferencesInput input) {
        return PreferencesDto.of(notifications.savePreferences(actor, input));
    }

    record InboxEntryDto(long id, NotificationKind kind, String title, String body, String link, Instant createdAt,
            Instant readAt, boolean unread) {
        static InboxEntryDto of(InboxEntry e) {
            return new InboxEntryDto(e.id(), e.kind(), e.title(), e.body(), e.link(), e.createdAt(), e.readAt(),
                    e.unread());
        }
    }

    record UnreadDto(int unread) {
    }

    record MarkedDto(int marked) {
    }

    record KindDto(NotificationKind kind, boolean inApp, boolean byMail) {
    }

    record PreferencesDto(String email, String language, boolean digest, List<KindDto> kinds, int version) {
        static PreferencesDto of(Preferences p) {
            return new PreferencesDto(p.email(), p.language(), p.digest(), Arrays.stream(NotificationKind.values())
                    .map(k -> new KindDto(k, p.of(k).inApp(), p.of(k).byMail())).toList(), p.version());
        }
    }
}
