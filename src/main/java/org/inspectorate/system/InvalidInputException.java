package org.inspectorate.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/**
 * Input that breaks a rule, with one message per offending field. Services throw it before
 * changing anything; pages show each message beside its field, the API answers 400 with
 * {@code application/problem+json} listing the same fields.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.toString());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String code, Object... args) {
        this(List.of(new FieldProblem(field, code, args)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /**
     * What a page shows beside each field: field → its messages in {@code locale}, one field's several
     * problems joined by a space; a problem with the input as a whole under the empty key.
     */
    public Map<String, String> messagesByField(MessageSource messages, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            byField.merge(p.field() == null ? "" : p.field(), messages.getMessage(p.code(), p.args(), p.code(), locale),
                    (a, b) -> a + " " + b);
        }
        return byField;
    }

    /**
     * One field's problem: {@code code} is a message key, {@code args} its arguments.
     * The field is {@code null} for a problem with the input as a whole.
     */
    public record FieldProblem(String field, String code, Object... args) {

        @Override
        public String toString() {
            return (field == null ? "" : field + ": ") + code;
        }
    }
}
