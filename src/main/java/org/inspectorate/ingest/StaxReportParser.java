package org.inspectorate.ingest;

import java.io.InputStream;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Shared walking of an XML report with a secure StAX reader: one event at a time, texts read in bounded
 * pieces, every failure turned into a {@link ReportParseException} with the line and column.
 */
abstract class StaxReportParser implements StreamingReportParser {

    /** Texts longer than this are read to the end but only this much is kept. */
    static final int MAX_KEPT_TEXT = ScannedFinding.MAX_TEXT + 1;

    @Override
    public final void parse(InputStream in, ReportSink sink) {
        XMLStreamReader reader = null;
        try {
            reader = SecureXml.open(in);
            Cursor cursor = new Cursor(reader);
            String root = cursor.root();
            if (!acceptsRoot(root)) {
                throw ReportParseException.of("ingest.parse.wrong-format", cursor.line(), cursor.column(),
                        format(), "<" + root + ">");
            }
            walk(cursor, sink);
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            throw new ReportParseException(new ParseProblem("ingest.parse.malformed-xml",
                    at == null ? 0 : at.getLineNumber(), at == null ? 0 : at.getColumnNumber()), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // closing a reader over a broken stream; the parse outcome stands
                }
            }
        }
    }

    abstract boolean acceptsRoot(String localName);

    /** Reads everything after the root start tag, handing each finding to the sink as soon as it is whole. */
    abstract void walk(Cursor cursor, ReportSink sink) throws XMLStreamException;

    /**
     * The canonical spelling of a host the report says it scanned but that no item names (a host without
     * items, a host list entry), or {@code null} when it is no host: nothing of it is imported, so such a name
     * cannot fail the report, while a host that items carry is checked where they are read.
     */
    static String scannedHost(String raw, long line, long column) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Hosts.host(raw, line, column);
        } catch (ReportParseException e) {
            return null;
        }
    }

    /** A thin, position-aware layer over the reader. */
    static final class Cursor {

        final XMLStreamReader reader;
        /** How many texts so far were longer than their caller keeps (see {@link #cuts()}). */
        private long cuts;

        Cursor(XMLStreamReader reader) {
            this.reader = reader;
        }

        /** Moves to the root element, refusing any DOCTYPE that could declare entities. */
        String root() throws XMLStreamException {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD && !SecureXml.isHarmlessDoctype(reader.getText())) {
                    throw ReportParseException.of("ingest.parse.doctype-forbidden", line(), column());
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return reader.getLocalName();
                }
            }
            throw ReportParseException.of("ingest.parse.empty", line(), column());
        }

        /**
         * Next start or end element at any depth; {@code -1} at the end of the document. Entity references
         * cannot occur (undeclared ones are errors), but are refused here too.
         */
        int next() throws XMLStreamException {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT) {
                    return event;
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE || event == XMLStreamConstants.DTD) {
                    throw ReportParseException.of("ingest.parse.doctype-forbidden", line(), column());
                }
            }
            return -1;
        }

        String name() {
            return reader.getLocalName();
        }

        String attribute(String name) {
            return reader.getAttributeValue(null, name);
        }

        /**
         * The text directly inside the current element (text of child elements is skipped, as with GVM's
         * {@code <host>10.0.0.1<asset/><hostname/></host>}), keeping at most {@code max} characters.
         * Leaves the reader on the element's end tag.
         */
        String text(int max) throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            int depth = 0;
            boolean cut = false;
            while (true) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE:
                        if (depth == 0) {
                            int length = Math.min(reader.getTextLength(), max - text.length());
                            if (length < reader.getTextLength()) {
                                cut = true;
                            }
                            if (length > 0) {
                                text.append(reader.getTextCharacters(), reader.getTextStart(), length);
                            }
                        }
                        break;
                    case XMLStreamConstants.START_ELEMENT:
                        depth++;
                        break;
                    case XMLStreamConstants.END_ELEMENT:
                        if (depth == 0) {
                            if (cut) {
                                cuts++;
                            }
                            return text.toString();
                        }
                        depth--;
                        break;
                    case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD:
                        throw ReportParseException.of("ingest.parse.doctype-forbidden", line(), column());
                    case XMLStreamConstants.END_DOCUMENT:
                        throw ReportParseException.of("ingest.parse.malformed-xml", line(), column());
                    default:
                        break;
                }
            }
        }

        String text() throws XMLStreamException {
            return text(MAX_KEPT_TEXT);
        }

        /**
         * How many texts read so far were cut at their caller's limit. A parser compares it before and after an
         * item: the builder's own cuts see only what reached it, and whitespace collapsed after a cut (a wrapped
         * title, indentation) could otherwise hide one.
         */
        long cuts() {
            return cuts;
        }

        /** Skips the current element with everything inside it. */
        void skip() throws XMLStreamException {
            int depth = 0;
            while (true) {
                int event = next();
                if (event == -1) {
                    throw ReportParseException.of("ingest.parse.malformed-xml", line(), column());
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (depth == 0) {
                    return;
                } else {
                    depth--;
                }
            }
        }

        long line() {
            return reader.getLocation().getLineNumber();
        }

        long column() {
            return reader.getLocation().getColumnNumber();
        }

        ReportParseException invalidItem(IllegalArgumentException cause) {
            return new ReportParseException(new ParseProblem("ingest.parse.item-invalid", line(), column(),
                    Hosts.abbreviate(String.valueOf(cause.getMessage()))), cause);
        }
    }
}
