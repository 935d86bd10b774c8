package org.inspectorate.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

/**
 * The import template as an XLSX workbook: the first sheet, a header row and a finding per further row, read
 * as a stream — never a workbook object. POI opens the zip (with its zip-bomb guards: an entry that inflates
 * more than {@link ZipSecureFile}'s ratio is refused) and finds the parts; the sheet and its shared strings are
 * read with {@link SecureXml}'s reader, refusing any DTD. A formula is kept as its text ({@code =…}), never
 * evaluated, and flagged as the CSV's formula-like cells are. Memory: one row, and the shared strings (the
 * sheet's distinct texts), capped at {@value #MAX_SHARED_CHARS} characters.
 */
final class XlsxTemplateReader {

    /** The distinct texts of a sheet held while its rows are read; a larger table is refused. */
    static final long MAX_SHARED_CHARS = 32L * 1024 * 1024;
    /** The longest cell, as the CSV reader's buffer. */
    private static final int MAX_CELL = ScannedFinding.MAX_TEXT * 4;
    /** Excel's last column, XFD. */
    private static final int MAX_COLUMN = 16_384;

    private XlsxTemplateReader() {
    }

    static void read(InputStream in, WeakCredentialPolicy weakCredentials, ReportSink sink) {
        Path copy = null;
        try {
            // the zip directory is at the end: POI reads it from a file, without holding the entries in memory
            copy = Files.createTempFile("template-", ".xlsx");
            try (var out = Files.newOutputStream(copy)) {
                in.transferTo(out);
            }
            try (OPCPackage workbook = OPCPackage.open(copy.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(workbook);
                List<String> shared = sharedStrings(reader);
                Iterator<InputStream> sheets = reader.getSheetsData();
                if (!sheets.hasNext()) {
                    throw ReportParseException.of("ingest.parse.empty", 0, 0);
                }
                try (InputStream sheet = sheets.next()) {
                    rows(sheet, shared, weakCredentials, sink);
                }
            }
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            if (e instanceof ReportParseException parse) {
                throw parse;
            }
            throw new ReportParseException(new ParseProblem(bomb(e) ? "ingest.parse.limit-exceeded"
                    : "ingest.parse.malformed-xlsx", 0, 0), e);
        } finally {
            TempFiles.delete(copy);
        }
    }

    private static boolean bomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("Zip bomb") || message.contains("exceeds the max"))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> sharedStrings(XSSFReader reader) throws IOException, OpenXML4JException {
        List<String> shared = new ArrayList<>();
        InputStream data;
        try {
            data = reader.getSharedStringsData();
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            return shared; // a workbook of numbers and inline strings only has none
        }
        if (data == null) {
            return shared;
        }
        long total = 0;
        try (InputStream in = data) {
            XMLStreamReader xml = SecureXml.open(in);
            StringBuilder text = null;
            int depthInPhonetic = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw ReportParseException.of("ingest.parse.doctype-forbidden", 0, 0);
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> text = new StringBuilder();
                        case "rPh" -> depthInPhonetic++;
                        case "t" -> {
                            if (text != null && depthInPhonetic == 0) {
                                text.append(text(xml));
                                if (text.length() > MAX_CELL) {
                                    throw ReportParseException.of("ingest.parse.limit-exceeded", 0, 0);
                                }
                            }
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if ("rPh".equals(xml.getLocalName())) {
                        depthInPhonetic--;
                    } else if ("si".equals(xml.getLocalName()) && text != null) {
                        total += text.length();
                        if (total > MAX_SHARED_CHARS) {
                            throw ReportParseException.of("ingest.parse.limit-exceeded", 0, 0);
                        }
                        shared.add(text.toString());
                        text = null;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
        return shared;
    }

    private static void rows(InputStream sheet, List<String> shared, WeakCredentialPolicy weakCredentials,
            ReportSink sink) {
        try {
            XMLStreamReader xml = SecureXml.open(sheet);
            TemplateRows template = null;
            List<String> row = null;
            long rowNumber = 0;
            int nextColumn = 1;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw ReportParseException.of("ingest.parse.doctype-forbidden", 0, 0);
                }
                if (event == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                    String r = xml.getAttributeValue(null, "r");
                    rowNumber = r == null ? rowNumber + 1 : number(r, xml);
                    row = new ArrayList<>();
                    nextColumn = 1;
                } else if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName()) && row != null) {
                    String ref = xml.getAttributeValue(null, "r");
                    int column = ref == null ? nextColumn : column(ref, xml);
                    String value = cell(xml, shared);
                    while (row.size() < column - 1) {
                        row.add("");
                    }
                    if (row.size() == column - 1) {
                        row.add(value);
                    } else {
                        row.set(column - 1, value); // cells out of order: the later one is the cell
                    }
                    nextColumn = column + 1;
                } else if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName()) && row != null) {
                    if (row.stream().anyMatch(v -> !v.isBlank())) {
                        if (template == null) {
                            template = new TemplateRows(weakCredentials, row, rowNumber);
                        } else {
                            sink.accept(template.row(row, rowNumber, sink));
                        }
                    }
                    row = null;
                }
            }
            if (template == null) {
                throw ReportParseException.of("ingest.parse.empty", 1, 0);
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    /** A cell's value as the user sees it typed: text, the number as stored, a formula as its text. */
    private static String cell(XMLStreamReader xml, List<String> shared) throws XMLStreamException {
        String type = xml.getAttributeValue(null, "t");
        String value = null;
        String formula = null;
        StringBuilder inline = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                switch (xml.getLocalName()) {
                    case "v" -> {
                        value = text(xml);
                        depth--;
                    }
                    case "f" -> {
                        formula = text(xml);
                        depth--;
                    }
                    case "is" -> inline = new StringBuilder();
                    case "t" -> {
                        String t = text(xml);
                        depth--;
                        if (inline != null) {
                            inline.append(t);
                        }
                    }
                    default -> { }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw ReportParseException.of("ingest.parse.malformed-xlsx", 0, 0);
            }
        }
        if (formula != null && !formula.isEmpty()) {
            return "=" + formula;
        }
        if ("inlineStr".equals(type)) {
            return inline == null ? "" : inline.toString();
        }
        if (value == null) {
            return "";
        }
        if ("s".equals(type)) {
            int index = (int) number(value, xml);
            if (index < 0 || index >= shared.size()) {
                throw ReportParseException.of("ingest.parse.malformed-xlsx", 0, 0);
            }
            return shared.get(index);
        }
        if ("b".equals(type)) {
            return "1".equals(value.strip()) ? "TRUE" : "FALSE";
        }
        return type == null || "n".equals(type) ? number(value) : value;
    }

    /** The element's text, its end tag consumed; refused beyond the longest cell. */
    private static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                if (text.length() > MAX_CELL) {
                    throw ReportParseException.of("ingest.parse.limit-exceeded", 0, 0);
                }
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw ReportParseException.of("ingest.parse.doctype-forbidden", 0, 0);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return text.toString();
            } else if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_DOCUMENT) {
                throw ReportParseException.of("ingest.parse.malformed-xlsx", 0, 0);
            }
        }
    }

    /** The 1-based column of a cell reference ({@code C7} → 3). */
    private static int column(String ref, XMLStreamReader xml) {
        int column = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            if (column > MAX_COLUMN) {
                break;
            }
        }
        if (column < 1 || column > MAX_COLUMN) {
            throw ReportParseException.of("ingest.parse.malformed-xlsx", 0, 0);
        }
        return column;
    }

    /** A number as typed: {@code 8080}, not the {@code 8080.0} a workbook may store. */
    private static String number(String stored) {
        try {
            return new BigDecimal(stored.strip()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return stored;
        }
    }

    private static long number(String text, XMLStreamReader xml) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw ReportParseException.of("ingest.parse.malformed-xlsx", 0, 0);
        }
    }

    /** Positions inside a part's XML would not be a row of the sheet, so XML-level problems name none. */
    private static ReportParseException malformed(XMLStreamException e) {
        // the reader wraps the zip guard's refusal (an entry inflating too far) as its nested exception
        boolean bomb = bomb(e) || e.getNestedException() != null && bomb(e.getNestedException());
        return new ReportParseException(new ParseProblem(bomb ? "ingest.parse.limit-exceeded"
                : "ingest.parse.malformed-xlsx", 0, 0), e);
    }
}
