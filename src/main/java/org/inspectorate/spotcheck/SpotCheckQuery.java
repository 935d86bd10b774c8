package org.inspectorate.spotcheck;

/**
 * A list's filters: the state, and whether to list the checks created outside a draw ({@code true}), the drawn ones
 * ({@code false}) or both ({@code null}).
 */
public record SpotCheckQuery(SpotCheckState state, Boolean outsideDraw) {

    public static SpotCheckQuery all() {
        return new SpotCheckQuery(null, null);
    }
}
