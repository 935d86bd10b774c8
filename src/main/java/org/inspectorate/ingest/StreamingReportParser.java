package org.inspectorate.ingest;

import java.io.InputStream;

/** Reads one report format from a stream, handing each finding to the sink as soon as it is read. */
interface StreamingReportParser {

    ReportFormat format();

    /**
     * Reads the whole stream. Memory use does not grow with the file: no finding is kept after the sink
     * has it. The stream is not closed.
     *
     * @throws ReportParseException when the report cannot be read; the sink may already have findings
     *                              from before the problem, which the caller must discard
     */
    void parse(InputStream in, ReportSink sink);
}
