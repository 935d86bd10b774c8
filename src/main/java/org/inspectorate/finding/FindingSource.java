package org.inspectorate.finding;

/** What found the problem: the self-inspection (自查), a spot check (抽查), an imported tool report, or a person. */
public enum FindingSource {
    SELF_INSPECTION, SPOT_CHECK, IMPORT, MANUAL;

    public String messageKey() {
        return "finding.source." + name();
    }
}
