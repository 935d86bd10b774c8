package org.inspectorate.ingest;

import java.io.BufferedInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Inspectorate's import template (documented in {@code docs/import-csv.md}) as a CSV file — comma separated,
 * a header row, UTF-8 (with or without a byte order mark) or GB18030/GBK as Excel exports it on a Chinese
 * system — or as the first sheet of an XLSX workbook ({@link XlsxTemplateReader}). The columns and the
 * rules of a row are {@link TemplateRows}'. A file of semicolon- or tab-separated values is refused naming
 * its separator, rather than read as one column.
 */
final class CsvReportParser implements StreamingReportParser {

    private final WeakCredentialPolicy weakCredentials;

    CsvReportParser(WeakCredentialPolicy weakCredentials) {
        this.weakCredentials = weakCredentials;
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.CSV;
    }

    @Override
    public void parse(InputStream in, ReportSink sink) {
        BufferedInputStream buffered = in instanceof BufferedInputStream b ? b
                : new BufferedInputStream(in, FormatDetector.PREFIX);
        byte[] prefix = prefix(buffered);
        if (FormatDetector.isZip(prefix)) {
            XlsxTemplateReader.read(buffered, weakCredentials, sink);
            return;
        }
        Charset charset = TemplateText.charset(prefix);
        Reader reader = TemplateText.reader(buffered, charset);
        CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).allowMissingFields(false)
                .allowExtraFields(false).maxBufferSize(ScannedFinding.MAX_TEXT * 4)
                .ofCsvRecord(new BomSkippingReader(reader));
        long line = 1;
        try {
            TemplateRows rows = null;
            for (CsvRecord record : csv) {
                line = record.getStartingLineNumber();
                if (rows == null) {
                    List<String> header = record.getFields();
                    separator(header, line);
                    rows = new TemplateRows(weakCredentials, header, line);
                } else {
                    sink.accept(rows.row(record.getFields(), line, sink));
                }
            }
            if (rows == null) {
                throw ReportParseException.of("ingest.parse.empty", 1, 0);
            }
        } catch (CsvParseException | UncheckedIOException e) {
            TemplateText.BadBytes bad = cause(e);
            if (bad != null) {
                // a byte sequence the encoding chosen from the file's start does not allow, further down
                throw new ReportParseException(new ParseProblem("ingest.parse.csv-encoding", bad.line, 0,
                        TemplateText.name(charset)), e);
            }
            throw new ReportParseException(new ParseProblem("ingest.parse.malformed-csv", line + 1, 0), e);
        }
    }

    /**
     * A header that is one field holding semicolons or tabs is another separator's file: refused naming it,
     * since read with commas its rows would be single cells and the message would speak of wrong columns.
     */
    private static void separator(List<String> header, long line) {
        if (header.size() != 1) {
            return;
        }
        String only = header.get(0);
        if (only.indexOf(';') >= 0 || only.indexOf('；') >= 0) {
            throw ReportParseException.of("ingest.parse.csv-separator", line, 0, ";");
        }
        if (only.indexOf('\t') >= 0) {
            throw ReportParseException.of("ingest.parse.csv-separator", line, 0, "Tab");
        }
    }

    private static byte[] prefix(BufferedInputStream in) {
        try {
            in.mark(FormatDetector.PREFIX);
            byte[] prefix = in.readNBytes(FormatDetector.PREFIX);
            in.reset();
            return prefix;
        } catch (IOException e) {
            throw new ReportParseException(new ParseProblem("ingest.parse.malformed-csv", 1, 0), e);
        }
    }

    private static TemplateText.BadBytes cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TemplateText.BadBytes c) {
                return c;
            }
        }
        return null;
    }

    /** Drops a UTF-8 byte order mark, which spreadsheet programs put before the header. */
    private static final class BomSkippingReader extends FilterReader {
        private boolean first = true;

        BomSkippingReader(Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (first && n > 0) {
                first = false;
                if (buffer[offset] == '\uFEFF') {
                    System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                    return n == 1 ? read(buffer, offset, length) : n - 1;
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (first) {
                first = false;
                if (c == '\uFEFF') {
                    return super.read();
                }
            }
            return c;
        }
    }
}
