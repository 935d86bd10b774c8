package org.inspectorate.sharing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.system.InvalidInputException.FieldProblem;

/** The rules of a plan's fields, plain Java: every problem at once, each on its field. */
final class PlanValidation {

    static final int MAX_TEXT = 1000;
    /** The longest plan accepted: an inspection on site is days, not months. */
    static final int MAX_DAYS = 92;

    private PlanValidation() {
    }

    static List<FieldProblem> problems(PlanInput in, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (in.startsOn() == null) {
            problems.add(new FieldProblem("startsOn", "sharing.calendar.startRequired"));
        } else if (in.startsOn().isBefore(today)) {
            problems.add(new FieldProblem("startsOn", "sharing.calendar.inPast"));
        }
        if (in.endsOn() == null) {
            problems.add(new FieldProblem("endsOn", "sharing.calendar.endRequired"));
        } else if (in.startsOn() != null && in.endsOn().isBefore(in.startsOn())) {
            problems.add(new FieldProblem("endsOn", "sharing.calendar.endBeforeStart"));
        } else if (in.startsOn() != null && in.endsOn().isAfter(in.startsOn().plusDays(MAX_DAYS))) {
            problems.add(new FieldProblem("endsOn", "sharing.calendar.tooLong", MAX_DAYS));
        }
        text("scope", in.scope(), problems);
        text("members", in.members(), problems);
        return problems;
    }

    static void text(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "sharing.calendar." + field + "Required"));
        } else if (value.strip().length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "sharing.calendar.tooLongText", MAX_TEXT));
        }
    }

    /**
     * Whether an inspection of this operator by another department must name the communication administration as
     * participant (会同电信主管部门进行): a telecom operator (basic or value-added) or an internet enterprise.
     */
    static boolean administrationRequired(OrganisationType operator) {
        return switch (operator) {
            case BASIC_TELECOM_GROUP, BASIC_TELECOM_PROVINCIAL, BASIC_TELECOM_SPECIALISED, VALUE_ADDED_TELECOM,
                    INTERNET_ENTERPRISE -> true;
            default -> false;
        };
    }
}
