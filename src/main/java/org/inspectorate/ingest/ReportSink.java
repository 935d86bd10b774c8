package org.inspectorate.ingest;

import java.util.function.Consumer;

/**
 * Where a parser hands what it reads: each finding as soon as it is read ({@link #accept}) and each host the
 * report says it scanned ({@link #hostScanned}), whether or not anything was found on it. The import uses the
 * second to know what the report covered: a finding is "not seen in latest scan" only on a host the report
 * scanned (see docs/imports.md).
 */
@FunctionalInterface
public interface ReportSink extends Consumer<ScannedFinding> {

    /**
     * A host of the report (Nessus {@code ReportHost}, an OpenVAS result's host, an Nmap host that was up, a
     * CSV row's host), as written in the report; called at least once per host, possibly more often.
     */
    default void hostScanned(String host) {
    }
}
