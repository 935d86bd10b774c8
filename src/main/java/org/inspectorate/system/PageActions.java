package org.inspectorate.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one way a page turns a refused change into what its user sees; the pages' counterpart of the
 * API's problem+json mapping. Controllers call it instead of catching domain exceptions themselves.
 *
 * <p>Two shapes, every module alike:
 * <ul>
 * <li>A <b>form</b> ({@link #form}): invalid input re-renders the form with status 200, its field messages in
 * the model attribute {@value #ERRORS} (field → message in the user's language; the form as a whole under
 * {@code ""}), shown beside each field by {@code fragments/forms :: fieldError} and above the form by
 * {@code fragments/forms :: formErrors}.</li>
 * <li>A <b>button</b> on a record ({@link #act}): the page returns to the record, with the flash attribute
 * {@value #DONE} (a message key, its arguments in {@value #DONE_ARGS}) when it worked, or {@value #CONFLICT}
 * (the resolved reason) when the record's state or the input refused it; {@code fragments/forms :: outcome}
 * shows either.</li>
 * <li>A <b>form on a record's page</b> ({@link #change}): invalid input as a form, a conflict as a button.</li>
 * </ul>
 * A {@link NotFoundException} is never caught here: it becomes the 404 page, whatever was asked.
 */
@Component
public class PageActions {

    /** The model attribute of a form's field messages. */
    public static final String ERRORS = "errors";
    /** The flash attribute of what a button did: a message key. */
    public static final String DONE = "done";
    /** The flash attribute of the arguments of {@link #DONE}'s message. */
    public static final String DONE_ARGS = "doneArgs";
    /** The flash attribute of why a button's change was refused: a message in the user's language. */
    public static final String CONFLICT = "conflict";

    private final MessageSource messages;

    PageActions(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * Runs a form's submission. On invalid input the field messages go into the model and {@code form}
     * renders the page again (it adds what the form needs beside the submitted values, and names the view).
     * A conflict (the record changed meanwhile, or its state refuses the change) is shown the same way, as a
     * message for the form as a whole.
     */
    public String form(Model model, Supplier<String> submit, Supplier<String> form) {
        try {
            return submit.get();
        } catch (InvalidInputException e) {
            model.addAttribute(ERRORS, e.messagesByField(messages, LocaleContextHolder.getLocale()));
            return form.get();
        } catch (ConflictException e) {
            model.addAttribute(ERRORS, Map.of("", message(e)));
            return form.get();
        }
    }

    /**
     * As {@link #form(Model, Supplier, Supplier)}, for a form whose page shows only {@code fields}: a problem with
     * any other field (a rule about the input as a whole, reported against something the form does not show) is
     * shown with the form as a whole, so that no message is lost.
     */
    public String form(Model model, Set<String> fields, Supplier<String> submit, Supplier<String> form) {
        return form(model, submit, () -> {
            if (model.getAttribute(ERRORS) instanceof Map<?, ?> errors) {
                model.addAttribute(ERRORS, onlyFields(errors, fields));
            }
            return form.get();
        });
    }

    private static Map<String, String> onlyFields(Map<?, ?> errors, Set<String> fields) {
        Map<String, String> shown = new LinkedHashMap<>();
        errors.forEach((field, message) -> shown.merge(fields.contains(field) ? field.toString() : "",
                message.toString(), (a, b) -> a + " " + b));
        return shown;
    }

    /**
     * Runs a change made through a form on a record's own page; {@code submit} returns the view to go to when it
     * worked (usually the record). Invalid input renders the page again with the
     * field messages, as {@link #form} does; a conflict (the record moved on, or its state refuses the change)
     * returns to the record with the reason as the flash {@value #CONFLICT}, as {@link #act} does, because what
     * the user typed no longer applies to what the record now is.
     */
    public String change(Model model, RedirectAttributes redirect, String record, Supplier<String> submit,
            Supplier<String> page) {
        try {
            return submit.get();
        } catch (InvalidInputException e) {
            model.addAttribute(ERRORS, e.messagesByField(messages, LocaleContextHolder.getLocale()));
            return page.get();
        } catch (ConflictException e) {
            redirect.addFlashAttribute(CONFLICT, message(e));
            return "redirect:" + record;
        }
    }

    /**
     * Runs a button's action on a record and redirects to {@code target}; {@code doneKey} and its arguments
     * are flashed when it worked, the reason when a conflict or an invalid input refused it.
     */
    public String act(RedirectAttributes redirect, String target, Runnable action, String doneKey, Object... doneArgs) {
        return act(redirect, target, () -> {
            action.run();
            return new Done(doneKey, doneArgs);
        });
    }

    /**
     * As {@link #act(RedirectAttributes, String, Runnable, String, Object...)}, for an action whose message
     * names what it made (a filing number, a new round).
     */
    public String act(RedirectAttributes redirect, String target, Supplier<Done> action) {
        try {
            Done done = action.get();
            if (done != null) {
                redirect.addFlashAttribute(DONE, done.key());
                redirect.addFlashAttribute(DONE_ARGS, done.args());
            }
        } catch (ConflictException e) {
            redirect.addFlashAttribute(CONFLICT, message(e));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(CONFLICT,
                    String.join(" ", e.messagesByField(messages, LocaleContextHolder.getLocale()).values()));
        }
        return "redirect:" + target;
    }

    /**
     * As {@link #act(RedirectAttributes, String, Runnable, String, Object...)}, for a form that lives on the
     * record's page beside others (an upload among the unit's details): invalid input comes back as the flash
     * {@code errorsAttribute} (field → message) for that form alone, with {@code keptOnInvalid} so that the form
     * shows what was chosen.
     */
    public String act(RedirectAttributes redirect, String target, String errorsAttribute, Map<String, ?> keptOnInvalid,
            Runnable action, String doneKey) {
        try {
            action.run();
            redirect.addFlashAttribute(DONE, doneKey);
            redirect.addFlashAttribute(DONE_ARGS, new Object[0]);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(errorsAttribute, e.messagesByField(messages, LocaleContextHolder.getLocale()));
            keptOnInvalid.forEach(redirect::addFlashAttribute);
        } catch (ConflictException e) {
            redirect.addFlashAttribute(CONFLICT, message(e));
        }
        return "redirect:" + target;
    }

    /** The reason of a refused change, in the user's language. */
    public String message(ConflictException e) {
        return messages.getMessage(e.code(), e.args(), e.code(), LocaleContextHolder.getLocale());
    }

    /** What a button did: a message key and its arguments. */
    public record Done(String key, Object... args) {
    }
}
