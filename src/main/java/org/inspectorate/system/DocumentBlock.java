package org.inspectorate.system;

import java.util.List;

/**
 * One block of a generated document (a report, a notice) — a heading, a paragraph, a table — that
 * {@link DocumentDocx} and {@link DocumentPdf} render alike, so that the DOCX and the PDF of one document say the same.
 */
public sealed interface DocumentBlock permits DocumentBlock.Heading, DocumentBlock.Paragraph, DocumentBlock.Table {

    /** How a paragraph sits on the line: official documents centre the number and put date and seal on the right. */
    enum Align { LEFT, CENTER, RIGHT }

    /** A heading of level 1 (the title, centred) to 3. */
    record Heading(int level, String text) implements DocumentBlock {
    }

    /** A paragraph, left-aligned unless said otherwise; {@code bold} for a salutation or a signature. */
    record Paragraph(String text, Align align, boolean bold) implements DocumentBlock {

        public Paragraph {
            align = align == null ? Align.LEFT : align;
        }

        public Paragraph(String text) {
            this(text, Align.LEFT, false);
        }
    }

    /** A table with a header row. */
    record Table(List<String> header, List<List<String>> rows) implements DocumentBlock {

        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }
}
