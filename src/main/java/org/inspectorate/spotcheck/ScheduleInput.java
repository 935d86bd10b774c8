package org.inspectorate.spotcheck;

import java.util.List;

/** The methods (by name), the first and last day (ISO) and the documents the operator must prepare, as typed. */
public record ScheduleInput(List<String> methods, String startsOn, String endsOn, String documents) {

    public ScheduleInput {
        methods = methods == null ? List.of() : List.copyOf(methods);
    }
}
