package org.inspectorate.scoring;

/** Where a score sheet is in its life (评分表状态). */
public enum ScoreSheetState {
    /** 评分中: the team marks the items. */
    DRAFT,
    /** 已提交: the leader submitted it; the authority decides. */
    SUBMITTED,
    /** 已退回: the authority returned it with reasons; the team corrects it. */
    RETURNED,
    /** 已审定: approved; immutable, counted in the rankings and the assessment. */
    APPROVED,
    /** 已重新打开: the authority reopened an approved sheet with a recorded reason; the team corrects it. */
    REOPENED;

    public String messageKey() {
        return "scoring.state." + name();
    }

    /** Whether the team may mark items in this state. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED || this == REOPENED;
    }
}
