package org.inspectorate.finding;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The default rectification deadline of a finding: the day it was opened plus the SLA days of its
 * severity, taken from the published campaign when the finding belongs to one, otherwise from the
 * defaults configured in {@code inspectorate.finding.sla-days.*}.
 */
final class SlaPolicy {

    private final Map<Severity, Integer> defaults;

    SlaPolicy(int high, int medium, int low) {
        Map<Severity, Integer> days = new EnumMap<>(Severity.class);
        days.put(Severity.HIGH, high);
        days.put(Severity.MEDIUM, medium);
        days.put(Severity.LOW, low);
        days.values().forEach(d -> {
            if (d <= 0) {
                throw new IllegalArgumentException("SLA days must be positive: " + days);
            }
        });
        this.defaults = days;
    }

    LocalDate dueOn(LocalDate openedOn, Severity severity, OptionalInt campaignDays) {
        return openedOn.plusDays(campaignDays.orElse(defaults.get(severity)));
    }
}
