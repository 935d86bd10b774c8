package org.inspectorate.ingest;

/**
 * Severity of a scanned finding (危险等级), on one scale for every scanner. Each parser documents
 * how it maps its scanner's scale; "critical" ratings map to {@link #HIGH}.
 */
public enum Severity {
    /** 高危. */
    HIGH,
    /** 中危. */
    MEDIUM,
    /** 低危. */
    LOW,
    /** 信息: no risk by itself, recorded for the picture (open ports, scan settings). */
    INFO;

    /**
     * Maps a CVSS-style score (0.0–10.0, as OpenVAS/GVM and SARIF {@code security-severity} give it):
     * 7.0 and above {@link #HIGH}, 4.0 up to 6.9 {@link #MEDIUM}, above 0 up to 3.9 {@link #LOW},
     * zero or below (GVM uses negative values for log and false-positive results) {@link #INFO}.
     */
    public static Severity ofScore(double score) {
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        return score > 0.0 ? LOW : INFO;
    }
}
