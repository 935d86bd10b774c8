package org.inspectorate.ingest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One scanner report import (扫描报告导入) as the pages and the API show it: its scope, state, progress and,
 * once it succeeded, its counts. Counts are {@code null} until then.
 *
 * @param unitIds          the units of the scope; empty means every unit of the organisation
 * @param format           the report format, {@code null} until detected
 * @param bytesRead        how much of the file the parser has read, of {@code bytesTotal}
 * @param unmatchedFindings findings of hosts no unit of the scope lists, kept for assignment
 * @param unmatchedHosts   how many distinct such hosts
 * @param errorKey         why it failed (message key), with {@code errorDetail} (line, column, values; see {@link #error()})
 */
public record ImportJob(long id, long organisationId, List<Long> unitIds, ReportFormat format, String fileName,
        ImportState state, String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt,
        long bytesTotal, long bytesRead, long findingsParsed, Integer created, Integer updated, Integer unchanged,
        Integer reopened, Integer notSeen, Integer unmatchedFindings, Integer unmatchedHosts, String errorKey,
        String errorDetail) {

    public ImportJob {
        unitIds = List.copyOf(unitIds);
    }

    /**
     * Why it failed, structured (key, line, column, the value at fault); {@code null} unless FAILED. In the
     * API's JSON as {@code error}, next to the older {@code errorKey} and {@code errorDetail}.
     */
    @JsonProperty("error")
    public ImportError error() {
        return state == ImportState.FAILED ? ImportError.decode(errorKey, errorDetail) : null;
    }

    /**
     * Percent of the file read, 0–100; in the API's JSON as {@code percent}. 100 only once it succeeded: a
     * failed job shows how far it got, never 100 (a report refused at its last line read the whole file), and
     * a queued one 0.
     */
    @JsonProperty("percent")
    public int percent() {
        return switch (state) {
            case SUCCEEDED -> 100;
            case QUEUED -> 0;
            case RUNNING -> read(100);
            case FAILED -> read(99);
        };
    }

    private int read(int cap) {
        return bytesTotal <= 0 ? 0 : (int) Math.min(cap, Math.max(0, bytesRead) * 100 / bytesTotal);
    }
}
