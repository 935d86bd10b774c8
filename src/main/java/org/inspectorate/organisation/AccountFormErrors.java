package org.inspectorate.organisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.inspectorate.system.InvalidInputException;
import org.springframework.context.MessageSource;

/** An invalid input's messages by field, in the page's language, for the account pages' forms. */
final class AccountFormErrors {

    private AccountFormErrors() {
    }

    static Map<String, List<String>> byField(InvalidInputException e, MessageSource messages, Locale locale) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (InvalidInputException.FieldProblem p : e.problems()) {
            String field = p.field() == null ? "form" : p.field();
            errors.computeIfAbsent(field, f -> new ArrayList<>())
                    .add(messages.getMessage(p.code(), p.args(), p.code(), locale));
        }
        return errors;
    }
}
