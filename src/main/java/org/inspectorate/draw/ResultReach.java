package org.inspectorate.draw;

/**
 * How much of a draw's result an actor sees (一公开: the result goes to the targets' reviewing authority and to the
 * assigned teams, and to the targets themselves): the whole of it (the Ministry, the draw's own authority), the targets under their administration,
 * the checks of their own team(s), or the checks on an operator's own units. The published file and its verification always cover the whole round.
 */
public enum ResultReach {
    /** 全部: whoever may manage the draw. */
    WHOLE,
    /** 本辖区: a provincial officer reading another authority's draw sees the targets whose filings it reviews. */
    AUTHORITY,
    /** 本组: an inspector sees the checks on whose team they serve. */
    TEAM,
    /** 本单位: an operator (a drawn target) sees the checks on its own units and their teams. */
    TARGET;

    /** The line "N of M drawn targets are under your authority / on your team"; none for {@link #WHOLE}. */
    public String messageKey() {
        return "draw.result.reach." + name();
    }
}
