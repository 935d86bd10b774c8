package org.inspectorate.sharing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;

/**
 * The checks of a request as asked, every field at once, plain Java: a request that fails any of them is refused
 * whole and nothing is saved. The operator itself (its existence, its province) is checked by {@link DataRequests}.
 */
final class DataRequestValidation {

    /** The longest access a request may ask for (a year): a standing grant is not what the notice allows. */
    static final int MAX_ACCESS_DAYS = 366;

    private DataRequestValidation() {
    }

    static List<FieldProblem> problems(DataRequestInput in, boolean recorded, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(in.purpose())) {
            problems.add(new FieldProblem("purpose", "sharing.request.purposeRequired"));
        } else if (in.purpose().length() > 1000) {
            problems.add(new FieldProblem("purpose", "sharing.request.tooLong", 1000));
        }
        if (blank(in.legalBasis())) {
            problems.add(new FieldProblem("legalBasis", "sharing.request.legalBasisRequired"));
        } else if (in.legalBasis().length() > 1000) {
            problems.add(new FieldProblem("legalBasis", "sharing.request.tooLong", 1000));
        }
        if (recorded && blank(in.outsideRequester())) {
            problems.add(new FieldProblem("outsideRequester", "sharing.request.outsideRequired"));
        } else if (recorded && in.outsideRequester().length() > 200) {
            problems.add(new FieldProblem("outsideRequester", "sharing.request.tooLong", 200));
        }
        records(in, problems);
        period(in, today, problems);
        if (in.accessUntil() == null) {
            problems.add(new FieldProblem("accessUntil", "sharing.request.accessUntilRequired"));
        } else if (!in.accessUntil().isAfter(today)) {
            problems.add(new FieldProblem("accessUntil", "sharing.request.accessUntilPast"));
        } else if (in.accessUntil().isAfter(today.plusDays(MAX_ACCESS_DAYS))) {
            problems.add(new FieldProblem("accessUntil", "sharing.request.accessUntilTooLong", MAX_ACCESS_DAYS));
        }
        return problems;
    }

    private static void records(DataRequestInput in, List<FieldProblem> problems) {
        if (in.records().isEmpty()) {
            problems.add(new FieldProblem("records", "sharing.request.recordsRequired"));
        } else if (in.records().stream().anyMatch(r -> !r.available())) {
            problems.add(new FieldProblem("records", "sharing.request.notAvailable"));
        }
        if (!in.records().contains(RecordType.FINDINGS) && (!in.categories().isEmpty() || !in.severities().isEmpty())) {
            problems.add(new FieldProblem("categories", "sharing.request.categoriesWithoutFindings"));
        }
    }

    /** The period is of the operator's data: it cannot end after today (there is no data of the future yet). */
    private static void period(DataRequestInput in, LocalDate today, List<FieldProblem> problems) {
        if (in.periodFrom() == null) {
            problems.add(new FieldProblem("periodFrom", "sharing.request.periodRequired"));
        }
        if (in.periodTo() == null) {
            problems.add(new FieldProblem("periodTo", "sharing.request.periodRequired"));
        } else if (in.periodTo().isAfter(today)) {
            problems.add(new FieldProblem("periodTo", "sharing.request.periodBeyondData"));
        } else if (in.periodFrom() != null && in.periodFrom().isAfter(in.periodTo())) {
            problems.add(new FieldProblem("periodTo", "sharing.request.periodOrder"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static void check(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
