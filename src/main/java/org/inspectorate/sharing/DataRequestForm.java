package org.inspectorate.sharing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.inspectorate.finding.Category;
import org.inspectorate.finding.Severity;
import org.inspectorate.system.InvalidInputException.FieldProblem;

/**
 * The request form as the page submits it (text fields, ticked boxes); {@link #toInput} turns it into a
 * {@link DataRequestInput}, naming each field that does not parse. Also the approval form's scope and end date.
 */
record DataRequestForm(String operatorCreditCode, String purpose, String legalBasis, List<String> records,
        List<String> categories, List<String> severities, String periodFrom, String periodTo, String accessUntil,
        String outsideRequester) {

    DataRequestForm {
        records = records == null ? List.of() : List.copyOf(records);
        categories = categories == null ? List.of() : List.copyOf(categories);
        severities = severities == null ? List.of() : List.copyOf(severities);
    }

    static DataRequestForm empty() {
        return new DataRequestForm(null, null, null, List.of(), List.of(), List.of(), null, null, null, null);
    }

    DataRequestInput toInput() {
        List<FieldProblem> problems = new ArrayList<>();
        DataRequestInput in = new DataRequestInput(operatorCreditCode, purpose, legalBasis,
                enums(records, RecordType::valueOf, RecordType.class, "records", problems),
                enums(categories, Category::valueOf, Category.class, "categories", problems),
                enums(severities, Severity::valueOf, Severity.class, "severities", problems),
                date(periodFrom, "periodFrom", problems), date(periodTo, "periodTo", problems),
                date(accessUntil, "accessUntil", problems), outsideRequester);
        DataRequestValidation.check(problems);
        return in;
    }

    /** The approval's scope: the ticked records, categories and severities. */
    DataScope scope() {
        return toScope(records, categories, severities);
    }

    static DataScope toScope(List<String> records, List<String> categories, List<String> severities) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<RecordType> types = enums(records, RecordType::valueOf, RecordType.class, "records", problems);
        DataScope scope = new DataScope(types.contains(RecordType.FILINGS), types.contains(RecordType.FINDINGS),
                types.contains(RecordType.SELF_INSPECTION_REPORTS),
                enums(categories, Category::valueOf, Category.class, "categories", problems),
                enums(severities, Severity::valueOf, Severity.class, "severities", problems));
        DataRequestValidation.check(problems);
        return scope;
    }

    static LocalDate date(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "sharing.form.date"));
            return null;
        }
    }

    private static <E extends Enum<E>> Set<E> enums(List<String> values, Function<String, E> valueOf, Class<E> type,
            String field, List<FieldProblem> problems) {
        Set<E> set = EnumSet.noneOf(type);
        for (String v : values) {
            try {
                set.add(valueOf.apply(v));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field, "sharing.form.choice"));
            }
        }
        return set;
    }
}
