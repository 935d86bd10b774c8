package org.inspectorate.sharing;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.inspectorate.finding.Category;
import org.inspectorate.finding.Severity;

/**
 * Which records of the operator a request asks for or a grant allows (调取范围): its filings, its findings (of the
 * given categories and severities; an empty set means every one), its self-inspection reports.
 */
public record DataScope(boolean filings, boolean findings, boolean reports, Set<Category> categories,
        Set<Severity> severities) {

    public DataScope {
        categories = categories == null || categories.isEmpty() ? Set.of() : Set.copyOf(categories);
        severities = severities == null || severities.isEmpty() ? Set.of() : Set.copyOf(severities);
    }

    /** Whether the scope names no record at all. */
    public boolean empty() {
        return !filings && !findings && !reports;
    }

    /** Whether the scope includes records of {@code type}. */
    public boolean includes(RecordType type) {
        return switch (type) {
            case FILINGS -> filings;
            case FINDINGS -> findings;
            case SELF_INSPECTION_REPORTS -> reports;
            case SPOT_CHECK_REPORTS -> false;
        };
    }

    /** The record types the scope names, in order. */
    public Set<RecordType> records() {
        Set<RecordType> types = EnumSet.noneOf(RecordType.class);
        for (RecordType t : RecordType.values()) {
            if (includes(t)) {
                types.add(t);
            }
        }
        return types;
    }

    /** Whether {@code narrower} asks for nothing this scope does not (an approval may narrow, never widen). */
    public boolean covers(DataScope narrower) {
        return (filings || !narrower.filings) && (reports || !narrower.reports)
                && (findings || !narrower.findings)
                && (!narrower.findings || within(narrower.categories, categories) && within(narrower.severities,
                        severities));
    }

    private static <T> boolean within(Set<T> inner, Set<T> outer) {
        return outer.isEmpty() || !inner.isEmpty() && outer.containsAll(inner);
    }

    /** The categories as stored ({@code WEAK_PASSWORD,VULNERABILITY}), {@code null} for all. */
    String categoriesColumn() {
        return column(categories);
    }

    String severitiesColumn() {
        return column(severities);
    }

    private static String column(Collection<? extends Enum<?>> values) {
        return values.isEmpty() ? null
                : values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static <E extends Enum<E>> Set<E> parse(String column, Function<String, E> valueOf) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(column.split(",")).map(String::trim).map(valueOf).collect(Collectors.toSet());
    }
}
