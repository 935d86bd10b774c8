package org.inspectorate.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a report's format from its first bytes, never from the file name (a name is the uploader's
 * claim; the content is the fact). XML reports by their root element, SARIF by a JSON object speaking of
 * {@code runs} or the SARIF schema. The import template ({@link ReportFormat#CSV}): a CSV file by a first line
 * of text in UTF-8 or GB18030 (GBK) with two or more cells, by commas — or by semicolons or tabs, which the
 * parser then refuses naming the separator, as it names wrong columns, rather than "not recognised" —, and an
 * XLSX workbook by its zip signature and a part under {@code xl/}.
 */
final class FormatDetector {

    static final int PREFIX = 64 * 1024;
    private static final Pattern ELEMENT_NAME = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?([A-Za-z_][\\w.-]*)");
    private static final Pattern SARIF_HINT = Pattern.compile(
            "\"runs\"\\s*:|sarif|\"version\"\\s*:\\s*\"2\\.1\\.0\"", Pattern.CASE_INSENSITIVE);

    private FormatDetector() {
    }

    /** Reads at most {@value #PREFIX} bytes and resets the stream, which must support mark/reset. */
    static ReportFormat detect(InputStream in) {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("the stream must support mark/reset");
        }
        byte[] prefix;
        try {
            in.mark(PREFIX);
            prefix = in.readNBytes(PREFIX);
            in.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return detect(prefix);
    }

    static ReportFormat detect(byte[] prefix) {
        if (isZip(prefix)) {
            if (contains(prefix, "xl/")) {
                return ReportFormat.CSV;
            }
            throw ReportParseException.of("ingest.parse.unknown-format", 0, 0);
        }
        String decoded = decode(prefix);
        if (decoded == null) {
            // bytes of neither template encoding: a header line that is text still makes it the template, whose
            // parser then names the encoding rather than "not recognised"
            decoded = firstLineText(prefix);
        }
        boolean isText = decoded != null;
        String text = isText ? decoded : new String(prefix, StandardCharsets.UTF_8);
        int i = skipWhitespace(text, 0);
        if (i >= text.length()) {
            throw ReportParseException.of("ingest.parse.empty", 0, 0);
        }
        char first = text.charAt(i);
        if (first == '<') {
            return xml(text, i);
        }
        if (first == '{') {
            if (SARIF_HINT.matcher(text).find()) {
                return ReportFormat.SARIF;
            }
            throw ReportParseException.of("ingest.parse.unknown-format", 0, 0);
        }
        if (isText && isCsvHeader(text.substring(i))) {
            return ReportFormat.CSV;
        }
        throw ReportParseException.of("ingest.parse.unknown-format", 0, 0);
    }

    private static ReportFormat xml(String text, int start) {
        int i = start;
        while (i < text.length()) {
            i = skipWhitespace(text, i);
            if (text.startsWith("<?", i)) {
                i = after(text, "?>", i);
            } else if (text.startsWith("<!--", i)) {
                i = after(text, "-->", i);
            } else if (text.startsWith("<!", i)) {
                int bracket = text.indexOf('[', i);
                int close = text.indexOf('>', i);
                if (bracket >= 0 && (close < 0 || bracket < close)) {
                    i = after(text, "]", bracket);
                }
                i = after(text, ">", i);
            } else {
                Matcher m = ELEMENT_NAME.matcher(text).region(i, text.length());
                if (!m.lookingAt()) {
                    break;
                }
                switch (m.group(1)) {
                    case "NessusClientData_v2":
                        return ReportFormat.NESSUS;
                    case "report":
                    case "get_reports_response":
                        return ReportFormat.OPENVAS;
                    case "nmaprun":
                        return ReportFormat.NMAP;
                    default:
                        throw ReportParseException.of("ingest.parse.unknown-format", 0, 0);
                }
            }
        }
        throw ReportParseException.of("ingest.parse.unknown-format", 0, 0);
    }

    /** A first line of two or more cells, by commas (the template) or semicolons or tabs (refused later). */
    private static boolean isCsvHeader(String text) {
        int end = text.indexOf('\n');
        String line = (end < 0 ? text : text.substring(0, end)).strip();
        if (line.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            return false;
        }
        for (String separator : List.of(",", ";", "\t")) {
            List<String> names = Arrays.stream(line.split(separator)).map(n -> n.strip().replace("\"", ""))
                    .filter(n -> !n.isEmpty()).toList();
            if (names.size() > 1) {
                return true;
            }
        }
        return false;
    }

    private static String firstLineText(byte[] prefix) {
        int end = 0;
        while (end < prefix.length && prefix[end] != '\n') {
            end++;
        }
        return end == 0 ? null : TemplateText.text(Arrays.copyOf(prefix, end));
    }

    /** A zip archive's local file header signature ({@code PK\3\4}), as every XLSX starts. */
    static boolean isZip(byte[] prefix) {
        return prefix.length >= 4 && prefix[0] == 'P' && prefix[1] == 'K' && prefix[2] == 3 && prefix[3] == 4;
    }

    private static boolean contains(byte[] bytes, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static int after(String text, String token, int from) {
        int at = text.indexOf(token, from);
        return at < 0 ? text.length() : at + token.length();
    }

    private static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        return i;
    }

    private static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, StandardCharsets.UTF_16LE);
        }
        // the template's encodings, strictly; null for bytes that are neither (binary, or another encoding)
        return TemplateText.text(bytes);
    }
}
