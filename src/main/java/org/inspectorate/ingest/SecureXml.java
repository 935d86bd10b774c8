package org.inspectorate.ingest;

import java.io.InputStream;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one place that makes XML readers for untrusted reports. The JDK's own StAX implementation is used
 * (never whatever a library puts on the class path) with DTD support and external entities off, no
 * external DTD or schema access, and the JDK's processing limits set low, so that XXE and entity
 * expansion ("billion laughs") attacks fail. The parsers additionally reject any DOCTYPE that declares
 * anything ({@link #isHarmlessDoctype(String)}).
 */
final class SecureXml {

    /**
     * JDK limits (jdk.xml.*), far below the JDK defaults: declared entities are impossible anyway (no DTD),
     * so any entity beyond the five predefined ones ({@code &amp;lt;} …, at most 2 characters long) is
     * an attack, and the expansion count stops it. The two size limits are left unbounded on purpose:
     * the JDK also applies them to the document's own text around predefined references (reported as
     * entity "[xml]"), which grows only linearly with the file (already capped by the upload size); a
     * 120 MB scan report legitimately holds millions of such references in long plugin outputs.
     */
    private static final String[][] JDK_LIMITS = {
            {"jdk.xml.entityExpansionLimit", "100"},
            {"jdk.xml.maxGeneralEntitySizeLimit", String.valueOf(Integer.MAX_VALUE)},
            {"jdk.xml.maxParameterEntitySizeLimit", "64"},
            {"jdk.xml.totalEntitySizeLimit", String.valueOf(Integer.MAX_VALUE)},
            {"jdk.xml.entityReplacementLimit", "1000"},
            {"jdk.xml.elementAttributeLimit", "500"},
            {"jdk.xml.maxElementDepth", "200"},
    };

    private static final XMLInputFactory FACTORY = newFactory();

    private SecureXml() {
    }

    static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not read: " + systemId);
        });
        for (String[] limit : JDK_LIMITS) {
            factory.setProperty(limit[0], limit[1]);
        }
        return factory;
    }

    static XMLStreamReader open(InputStream in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in);
    }

    /**
     * A bare {@code <!DOCTYPE name>} (as Nmap writes) is harmless: with an internal subset ({@code [...]})
     * or an external id ({@code SYSTEM}/{@code PUBLIC}) it can declare entities and is refused.
     */
    static boolean isHarmlessDoctype(String doctype) {
        return doctype != null && doctype.matches("(?s)\\s*<!DOCTYPE\\s+[A-Za-z_][\\w.:-]*\\s*>\\s*");
    }
}
