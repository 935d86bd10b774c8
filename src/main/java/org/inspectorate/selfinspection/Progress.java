package org.inspectorate.selfinspection;

/**
 * How far a self-inspection has come (自查进度): items answered of the checklist's total, answers by kind,
 * and the findings its answers opened — still open (open, reopened or under a plan) and fixed (fixed,
 * verified or closed).
 */
public record Progress(int answered, int total, int compliant, int notCompliant, int notApplicable, int findings,
        int findingsOpen, int findingsFixed) {

    public int percent() {
        return total == 0 ? 0 : answered * 100 / total;
    }

    public boolean complete() {
        return answered == total;
    }
}
