package org.inspectorate.rectification;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.inspectorate.system.DocumentBlock;
import org.inspectorate.system.DocumentBlock.Align;
import org.inspectorate.system.DocumentBlock.Heading;
import org.inspectorate.system.DocumentBlock.Paragraph;
import org.inspectorate.system.DocumentBlock.Table;

/**
 * The formal document of a notice (网络安全问题整改通知书) in the official layout, as neutral blocks that the DOCX and
 * the PDF render alike: the issuing authority and the number at the head, the title, the addressee, the body, the
 * findings, the legal basis, the deadline and the reply required, then the seal area with the authority and the date.
 */
final class NoticeDocument {

    /** Message text by key and arguments, in the document's language. */
    @FunctionalInterface
    interface Text {
        String get(String key, Object... args);
    }

    private NoticeDocument() {
    }

    static String title(Notice n, Text t) {
        return t.get("rectification.document.title") + (n.number() == null ? "" : " " + n.number());
    }

    static List<DocumentBlock> blocks(Notice n, ZoneId zone, Text t) {
        List<DocumentBlock> b = new ArrayList<>();
        b.add(new Heading(1, n.authorityName()));
        b.add(new Paragraph(n.number() == null ? t.get("rectification.document.draft") : n.number(), Align.CENTER,
                false));
        b.add(new Heading(1, t.get("rectification.document.title")));
        b.add(new Paragraph(n.operatorName() + t.get("rectification.document.colon"), Align.LEFT, true));
        b.add(new Paragraph(n.body() == null ? t.get("rectification.document.body", n.items().size()) : n.body()));
        List<List<String>> rows = new ArrayList<>();
        for (Notice.Item i : n.items()) {
            rows.add(List.of(Integer.toString(i.seqNo()), i.findingTitle(),
                    t.get("finding.severity." + i.findingSeverity()), i.findingAsset() == null ? "" : i.findingAsset(),
                    "#" + i.findingId()));
        }
        b.add(new Table(List.of(t.get("rectification.document.seq"), t.get("rectification.document.finding"),
                t.get("rectification.document.severity"), t.get("rectification.document.asset"),
                t.get("rectification.document.register")), rows));
        StringBuilder basis = new StringBuilder();
        for (LegalBasis l : n.basis()) {
            basis.append(basis.isEmpty() ? "" : t.get("rectification.document.separator")).append(t.get(l.messageKey()));
        }
        b.add(new Paragraph(t.get("rectification.document.basis", basis.toString())));
        b.add(new Paragraph(t.get("rectification.document.deadline", date(n.deadline(), t)), Align.LEFT, true));
        b.add(new Paragraph(t.get("rectification.document.replyRequired")));
        if (n.followUp()) {
            b.add(new Paragraph(t.get("rectification.document.consequence")));
        }
        b.add(new Paragraph(t.get("rectification.document.seal"), Align.RIGHT, false));
        b.add(new Paragraph(n.authorityName(), Align.RIGHT, true));
        LocalDate issued = n.issuedAt() == null ? null : LocalDate.ofInstant(n.issuedAt(), zone);
        b.add(new Paragraph(issued == null ? t.get("rectification.document.notIssued") : date(issued, t), Align.RIGHT,
                false));
        return b;
    }

    private static String date(LocalDate d, Text t) {
        return t.get("rectification.document.date", Integer.toString(d.getYear()), d.getMonthValue(), d.getDayOfMonth());
    }
}
