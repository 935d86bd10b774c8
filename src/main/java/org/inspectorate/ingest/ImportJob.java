package org.inspectorate.ingest;

import java.time.Instant;
import java.util.Arrays;
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
 * @param errorKey         why it failed (message key), with {@code errorDetail} (line, column, value)
 */
public record ImportJob(long id, long organisationId, List<Long> unitIds, ReportFormat format, String fileName,
        ImportState state, String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt,
        long bytesTotal, long bytesRead, long findingsParsed, Integer created, Integer updated, Integer unchanged,
        Integer reopened, Integer notSeen, Integer unmatchedFindings, Integer unmatchedHosts, String errorKey,
        String errorDetail) {

    public ImportJob {
        unitIds = List.copyOf(unitIds);
    }

    /** The failure's arguments for its message (the value at fault, the formats…). */
    public Object[] errorArgs() {
        String[] parts = errorDetail == null ? new String[0] : errorDetail.split("\\|", -1);
        return parts.length <= 2 ? new Object[0] : Arrays.copyOfRange(parts, 2, parts.length);
    }

    /** Where in the file it failed, {@code line:column}, or {@code null}. */
    public String errorPosition() {
        String[] parts = errorDetail == null ? new String[0] : errorDetail.split("\\|", -1);
        return parts.length < 2 || "0".equals(parts[0]) ? null : parts[0] + ":" + parts[1];
    }

    /** Percent of the file read, 0–100 (100 once finished); in the API's JSON as {@code percent}. */
    @JsonProperty("percent")
    public int percent() {
        if (state == ImportState.SUCCEEDED) {
            return 100;
        }
        return bytesTotal <= 0 ? 0 : (int) Math.min(100, bytesRead * 100 / bytesTotal);
    }
}
