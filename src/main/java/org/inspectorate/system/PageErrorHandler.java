package org.inspectorate.system;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Pages answer 400 naming the problems of bad input no form handled, 404 for what does not exist or lies outside
 * the user's jurisdiction, and 409 with the reason for a change that lost a race or does not fit the record's state. The API's handler comes
 * first for REST controllers.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorHandler {

    private final MessageSource messages;

    PageErrorHandler(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * A path variable of the wrong type ({@code /draws/abc}) names no record: the HTML 404 page, as for an unknown
     * id, rather than the default JSON answer.
     */
    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    /**
     * Bad input no form of the page handled (a list's {@code after} cursor that is not one of ours, a parameter a
     * service refuses): the 400 page naming each problem, never a server error.
     */
    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalidInput(InvalidInputException e, Model model) {
        model.addAttribute("problems", e.messagesByField(messages, LocaleContextHolder.getLocale()).values());
        return "error/400";
    }

    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(ConflictException e, Model model) {
        model.addAttribute("reason",
                messages.getMessage(e.code(), e.args(), e.code(), LocaleContextHolder.getLocale()));
        return "error/409";
    }
}
