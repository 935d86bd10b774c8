package org.inspectorate.notification;

import java.util.List;
import java.util.Locale;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.Keyset;
import org.inspectorate.system.PageActions;
import org.inspectorate.system.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the inbox (通知) and of the notification preferences: the signed-in user's own only. */
@Controller
class NotificationPages {

    static final int PAGE_SIZE = 20;

    private final Notifications notifications;
    private final PageActions pageActions;

    NotificationPages(Notifications notifications, PageActions pageActions) {
        this.notifications = notifications;
        this.pageActions = pageActions;
    }

    @GetMapping("/notifications")
    String inbox(Actor actor, @RequestParam(required = false) String after,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Locale locale, Model model) {
        PageRequest page = new PageRequest(0, PAGE_SIZE, "id", false, Keyset.parse(after));
        model.addAttribute("result", notifications.inbox(actor, page, locale));
        model.addAttribute("unread", notifications.unread(actor));
        return htmx != null ? "notification/inbox :: results" : "notification/inbox";
    }

    /** Opens a notification: marks it read and goes to the record it is about (or back to the inbox). */
    @PostMapping("/notifications/{id}/read")
    String read(Actor actor, @PathVariable long id, Locale locale) {
        InboxEntry entry = notifications.markRead(actor, id, locale);
        return "redirect:" + (entry.link() == null ? "/notifications" : entry.link());
    }

    @PostMapping("/notifications/read-all")
    String readAll(Actor actor, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/notifications",
                () -> new PageActions.Done("notification.readAll.done", notifications.markAllRead(actor)));
    }

    @GetMapping("/notifications/preferences")
    String preferences(Actor actor, Model model) {
        Preferences p = notifications.preferences(actor);
        model.addAttribute("form", PreferencesForm.of(p));
        return form(model);
    }

    @PostMapping("/notifications/preferences")
    String savePreferences(Actor actor, @RequestParam(required = false) String email,
            @RequestParam(required = false) String language, @RequestParam(defaultValue = "false") boolean digest,
            @RequestParam(required = false) List<String> inApp, @RequestParam(required = false) List<String> byMail,
            @RequestParam(defaultValue = "0") int version, Model model, RedirectAttributes redirect) {
        PreferencesForm form = new PreferencesForm(email, language, digest, inApp, byMail, version);
        return pageActions.form(model, () -> {
            notifications.savePreferences(actor, form.input());
            redirect.addFlashAttribute(PageActions.DONE, "notification.preferences.saved");
            redirect.addFlashAttribute(PageActions.DONE_ARGS, new Object[0]);
            return "redirect:/notifications/preferences";
        }, () -> {
            model.addAttribute("form", form);
            return form(model);
        });
    }

    private static String form(Model model) {
        model.addAttribute("kinds", NotificationKind.values());
        model.addAttribute("languages", List.of("zh-CN", "en"));
        return "notification/preferences";
    }
}
