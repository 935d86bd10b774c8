package org.inspectorate.ingest;

/**
 * What a successful import did: what it read, and what the findings it read did to the register.
 *
 * @param created           findings new to the register
 * @param updated           findings already there whose content changed
 * @param unchanged         findings already there as they were
 * @param reopened          findings that were closed and are seen again
 * @param notSeen           findings of the scope this report no longer lists
 * @param unmatchedFindings findings of hosts no unit of the scope lists, kept for assignment
 * @param unmatchedHosts    how many distinct such hosts
 */
public record ImportResult(ReportFormat format, long bytesRead, long parsed, int created, int updated,
        int unchanged, int reopened, int notSeen, int unmatchedFindings, int unmatchedHosts) {
}
