package org.inspectorate.ingest;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads scanner and tool reports (扫描报告解析): tells the format from the content and streams each finding
 * to a consumer as soon as it is read, in constant memory whatever the file size. Plain Java, thread-safe,
 * no Spring: the import service owns the transaction around it and discards everything when a
 * {@link ReportParseException} ends the read part-way.
 */
public final class ReportParsers {

    private final Map<ReportFormat, StreamingReportParser> parsers = new EnumMap<>(ReportFormat.class);

    public ReportParsers() {
        this(new WeakCredentialPolicy());
    }

    public ReportParsers(WeakCredentialPolicy weakCredentials) {
        Objects.requireNonNull(weakCredentials, "weakCredentials");
        register(new NessusParser(weakCredentials));
        register(new OpenVasParser(weakCredentials));
        register(new NmapParser(weakCredentials));
        register(new SarifParser(weakCredentials));
        register(new CsvReportParser(weakCredentials));
    }

    private void register(StreamingReportParser parser) {
        parsers.put(parser.format(), parser);
    }

    /**
     * The format of a report from its first bytes (not its name). The stream must support mark/reset;
     * it is left at its start.
     *
     * @throws ReportParseException {@code ingest.parse.unknown-format} or {@code ingest.parse.empty}
     */
    public ReportFormat detect(InputStream in) {
        return FormatDetector.detect(in);
    }

    /** Reads a report of whatever supported format it is. Returns the number of findings read. */
    public long parse(InputStream in, ReportSink sink) {
        BufferedInputStream buffered = buffered(in);
        return read(FormatDetector.detect(buffered), buffered, sink);
    }

    /**
     * Reads a report that the user says is of the given format; a report of another format fails with
     * {@code ingest.parse.wrong-format} naming both, before any finding is read.
     */
    public long parse(ReportFormat format, InputStream in, ReportSink sink) {
        Objects.requireNonNull(format, "format");
        BufferedInputStream buffered = buffered(in);
        ReportFormat detected = FormatDetector.detect(buffered);
        if (detected != format) {
            throw ReportParseException.of("ingest.parse.wrong-format", 0, 0, format, detected);
        }
        return read(format, buffered, sink);
    }

    private long read(ReportFormat format, InputStream in, ReportSink sink) {
        Objects.requireNonNull(sink, "sink");
        long[] count = {0};
        parsers.get(format).parse(in, new ReportSink() {
            @Override
            public void accept(ScannedFinding finding) {
                count[0]++;
                sink.accept(finding);
            }

            @Override
            public void hostScanned(String host) {
                sink.hostScanned(host);
            }
        });
        return count[0];
    }

    private static BufferedInputStream buffered(InputStream in) {
        Objects.requireNonNull(in, "in");
        return in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, FormatDetector.PREFIX);
    }
}
