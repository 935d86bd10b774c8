package org.inspectorate.sharing;

/** Where a planned inspection (检查计划) stands: planned by one department, joint once another joined, cancelled. */
public enum PlanState {
    /** 已计划 */
    PLANNED,
    /** 联合检查 */
    JOINT,
    /** 已取消 */
    CANCELLED;

    /** Whether the plan still counts on the calendar (an overlap, a join). */
    boolean live() {
        return this != CANCELLED;
    }

    public String messageKey() {
        return "sharing.calendar.state." + name();
    }
}
