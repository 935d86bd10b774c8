package org.inspectorate.organisation;

import java.util.List;
import java.util.Set;

import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;

/**
 * A form's problems by field, for a page to show each message beside its field; problems with no
 * field of the form ({@link #general}) are shown above it.
 */
record FormProblems(List<FieldProblem> problems, Set<String> formFields) {

    static FormProblems none() {
        return new FormProblems(List.of(), Set.of());
    }

    static FormProblems of(InvalidInputException e, String... formFields) {
        return new FormProblems(e.problems(), Set.of(formFields));
    }

    public boolean any() {
        return !problems.isEmpty();
    }

    public boolean has(String field) {
        return problems.stream().anyMatch(p -> field.equals(p.field()));
    }

    public List<FieldProblem> of(String field) {
        return problems.stream().filter(p -> field.equals(p.field())).toList();
    }

    public List<FieldProblem> general() {
        return problems.stream().filter(p -> p.field() == null || !formFields.contains(p.field())).toList();
    }
}
