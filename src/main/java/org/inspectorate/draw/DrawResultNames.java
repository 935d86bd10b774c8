package org.inspectorate.draw;

import java.util.Map;

/**
 * Display names for a draw's result: of the targets by unit id ("operator #unit") and of the team members by user
 * id ("name (username)"). A page asks {@link #target} and {@link #inspector}, which fall back to the id itself.
 */
public record DrawResultNames(Map<Long, String> targets, Map<Long, String> inspectors) {

    public DrawResultNames {
        targets = Map.copyOf(targets);
        inspectors = Map.copyOf(inspectors);
    }

    /** The target's name, or its unit id as given (a number or its text) when unknown. */
    public String target(Object unitId) {
        return name(targets, unitId);
    }

    /** The inspector's label, or their user id as given (a number or its text) when unknown. */
    public String inspector(Object userId) {
        return name(inspectors, userId);
    }

    private static String name(Map<Long, String> names, Object id) {
        String text = String.valueOf(id);
        try {
            return names.getOrDefault(Long.valueOf(text), text);
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
