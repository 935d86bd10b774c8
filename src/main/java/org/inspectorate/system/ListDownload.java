package org.inspectorate.system;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The download of a whole list, in the format the user chose, written to the response on the request's
 * own thread while the rows are read (no async dispatch, no list in memory): the XLSX through SXSSF's
 * window of rows and temporary files, the CSV straight into the response. Bytes reach the browser as
 * they are written, so its download bar shows the progress of a large export.
 *
 * <p>Controllers call {@link #write} with a callback that runs the list's own query (same filters,
 * same jurisdiction) and hands each row to the {@link TableExport}; the audit fact of the export is the
 * module's business, recorded before writing.
 */
public final class ListDownload {

    /** The formats every list exports to; {@code xlsx} and {@code csv} in URLs. */
    public enum Format {
        XLSX(XlsxExport.MEDIA_TYPE), CSV(CsvExport.MEDIA_TYPE);

        private final MediaType mediaType;

        Format(MediaType mediaType) {
            this.mediaType = mediaType;
        }

        public MediaType mediaType() {
            return mediaType;
        }

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The format a URL names ({@code xlsx}, {@code csv}, any case).
         *
         * @throws NotFoundException for any other, as for a path that does not exist
         */
        public static Format of(String name) {
            for (Format f : values()) {
                if (f.extension().equalsIgnoreCase(name)) {
                    return f;
                }
            }
            throw new NotFoundException("export format", name);
        }
    }

    private ListDownload() {
    }

    /** Writes the rows {@code body} produces as a download named {@code baseName.<extension>}. */
    public static void write(HttpServletResponse response, Format format, String baseName, String sheetTitle,
            Consumer<TableExport> body) throws IOException {
        response.setContentType(format.mediaType().toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(baseName + "." + format.extension(), java.nio.charset.StandardCharsets.UTF_8).build()
                .toString());
        OutputStream out = response.getOutputStream();
        if (format == Format.CSV) {
            try (CsvExport csv = new CsvExport(out)) {
                body.accept(csv);
            }
        } else {
            try (XlsxExport xlsx = new XlsxExport(sheetTitle)) {
                body.accept(xlsx);
                xlsx.write(out);
            }
        }
        out.flush();
    }
}
