package org.inspectorate.system;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;

import org.springframework.http.MediaType;

/**
 * A CSV download written as it is read (RFC 4180 through FastCSV): UTF-8 with a byte order mark, so
 * that Excel in a Chinese locale opens it as UTF-8 rather than GBK; cells defused like the XLSX ones.
 */
public final class CsvExport implements TableExport, AutoCloseable {

    public static final MediaType MEDIA_TYPE = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final Writer writer;
    private final CsvWriter csv;

    public CsvExport(OutputStream out) {
        writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            writer.write('\uFEFF');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        csv = CsvWriter.builder().build(writer);
    }

    @Override
    public void header(List<String> names) {
        csv.writeRecord(names);
    }

    @Override
    public void values(List<?> values) {
        csv.writeRecord(values.stream().map(CsvExport::cell).toList());
    }

    private static String cell(Object value) {
        if (value instanceof Number) {
            return value.toString();
        }
        return SpreadsheetCells.defuse(value == null ? null : value.toString());
    }

    @Override
    public void close() throws IOException {
        csv.close(); // flushes the writer into the response
    }
}
