package org.inspectorate.selfinspection;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import java.util.function.Function;
import org.inspectorate.finding.Category;
import org.inspectorate.finding.Finding;
import org.inspectorate.finding.FindingStatus;
import org.inspectorate.finding.Severity;
import org.inspectorate.system.DocumentBlock;
import org.inspectorate.system.DocumentBlock.Heading;
import org.inspectorate.system.DocumentBlock.Paragraph;
import org.inspectorate.system.DocumentBlock.Table;

/**
 * The self-inspection summary report (自查工作总结报告) as a neutral document — headings, paragraphs and
 * tables — assembled from the data (answers, findings by category, severity and status, the open items with
 * their rectification plans) and the operator's own text. {@link org.inspectorate.system.DocumentDocx} and
 * {@link org.inspectorate.system.DocumentPdf} render the same blocks, so both files say the same.
 */
public record SummaryReport(String title, String fileName, List<DocumentBlock> blocks) {

    public SummaryReport {
        blocks = List.copyOf(blocks);
    }

    /** Message text by key and arguments, in the report's language. */
    @FunctionalInterface
    public interface Text {
        String get(String key, Object... args);
    }

    static SummaryReport of(SelfInspection s, Locale locale, ZoneId zone, Text t) {
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        List<DocumentBlock> b = new ArrayList<>();
        String campaignTitle = s.campaign().definition().title().in(locale);
        String title = t.get("selfinspection.report.title");
        b.add(new Heading(1, s.organisation().name() + " " + title));
        b.add(new Paragraph(t.get("selfinspection.report.campaign", campaignTitle,
                s.campaign().definition().reference() == null ? "" : s.campaign().definition().reference())));
        b.add(new Paragraph(t.get("selfinspection.report.recipient", s.route().name(t),
                s.route().dueOn() == null ? t.get("selfinspection.report.noDeadline") : s.route().dueOn().toString())));
        if (s.workspace() != null && s.workspace().submittedAt() != null) {
            b.add(new Paragraph(t.get("selfinspection.report.submitted", when.format(s.workspace().submittedAt()),
                    s.workspace().submittedBy()) + (s.workspace().late() ? " " + t.get("selfinspection.report.late") : "")));
        }
        b.add(new Paragraph(t.get("selfinspection.report.status", t.get(s.status().messageKey()))));

        b.add(new Heading(2, t.get("selfinspection.report.section.overview")));
        paragraphs(b, s.workspace() == null ? null : s.workspace().overview(), t);

        Progress p = s.progress();
        b.add(new Heading(2, t.get("selfinspection.report.section.answers")));
        b.add(new Paragraph(t.get("selfinspection.report.answerCounts", p.total(), p.answered(), p.compliant(),
                p.notCompliant(), p.notApplicable())));
        List<List<String>> answerRows = new ArrayList<>();
        for (ChecklistEntry e : s.entries()) {
            answerRows.add(List.of(e.item().id(), e.item().text().in(locale),
                    e.answer() == null ? t.get("selfinspection.answer.none") : t.get(e.answer().answer().messageKey()),
                    e.answer() == null || e.answer().notes() == null ? "" : e.answer().notes()));
        }
        b.add(new Table(List.of(t.get("selfinspection.field.item"), t.get("selfinspection.field.itemText"),
                t.get("selfinspection.field.answer"), t.get("selfinspection.field.notes")), answerRows));

        List<Finding> findings = s.entries().stream().map(ChecklistEntry::finding).filter(f -> f != null).toList();
        b.add(new Heading(2, t.get("selfinspection.report.section.findings")));
        b.add(new Paragraph(t.get("selfinspection.report.findingCounts", findings.size(), p.findingsOpen(),
                p.findingsFixed())));
        b.add(new Heading(3, t.get("selfinspection.report.byCategory")));
        Map<Category, Integer> byCategory = new EnumMap<>(Category.class);
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        Map<FindingStatus, Integer> byStatus = new EnumMap<>(FindingStatus.class);
        for (Finding f : findings) {
            byCategory.merge(f.category(), 1, Integer::sum);
            bySeverity.merge(f.severity(), 1, Integer::sum);
            byStatus.merge(f.status(), 1, Integer::sum);
        }
        b.add(counts(t, "finding.field.category", byCategory, Category.values(), Category::messageKey));
        b.add(new Heading(3, t.get("selfinspection.report.bySeverity")));
        b.add(counts(t, "finding.field.severity", bySeverity, Severity.values(), Severity::messageKey));
        b.add(new Heading(3, t.get("selfinspection.report.byStatus")));
        b.add(counts(t, "finding.field.status", byStatus, FindingStatus.values(), FindingStatus::messageKey));
        b.add(new Heading(3, t.get("selfinspection.report.findingList")));
        List<List<String>> findingRows = new ArrayList<>();
        for (Finding f : findings) {
            findingRows.add(List.of(f.title(), t.get(f.category().messageKey()), t.get(f.severity().messageKey()),
                    cvss(f), t.get(f.status().messageKey()), String.valueOf(f.effectiveDueOn())));
        }
        b.add(new Table(List.of(t.get("finding.field.title"), t.get("finding.field.category"),
                t.get("finding.field.severity"), t.get("finding.field.cvssScore"), t.get("finding.field.status"),
                t.get("finding.field.dueOn")), findingRows));

        b.add(new Heading(2, t.get("selfinspection.report.section.open")));
        List<List<String>> openRows = new ArrayList<>();
        for (Finding f : findings) {
            if (!f.status().unresolved()) {
                continue;
            }
            Finding.Rectification r = f.plan();
            openRows.add(List.of(f.title(), t.get(f.severity().messageKey()), cvss(f), t.get(f.status().messageKey()),
                    r == null ? t.get("selfinspection.report.noPlan") : r.measures() + " / " + r.plan(),
                    r == null ? "" : r.owner(), r == null ? String.valueOf(f.dueOn()) : String.valueOf(r.dueOn()),
                    f.overdue() ? t.get("finding.overdue") : ""));
        }
        if (openRows.isEmpty()) {
            b.add(new Paragraph(t.get("selfinspection.report.noOpen")));
        } else {
            b.add(new Table(List.of(t.get("finding.field.title"), t.get("finding.field.severity"),
                    t.get("finding.field.cvssScore"), t.get("finding.field.status"), t.get("selfinspection.report.plan"),
                    t.get("finding.field.planOwner"), t.get("finding.field.planDueOn"), ""), openRows));
        }

        b.add(new Heading(2, t.get("selfinspection.report.section.plans")));
        paragraphs(b, s.workspace() == null ? null : s.workspace().plans(), t);
        String fileName = "self-inspection-" + s.campaign().code() + "-" + s.organisation().id();
        return new SummaryReport(title, fileName, b);
    }

    private static String cvss(Finding f) {
        return f.cvssScore() == null ? "—" : "CVSS " + f.cvssScore().stripTrailingZeros().toPlainString();
    }

    private static void paragraphs(List<DocumentBlock> b, String text, Text t) {
        if (text == null || text.isBlank()) {
            b.add(new Paragraph(t.get("selfinspection.report.empty")));
            return;
        }
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                b.add(new Paragraph(line.strip()));
            }
        }
    }

    private static <E extends Enum<E>> Table counts(Text t, String headerKey, Map<E, Integer> counts, E[] values,
            Function<E, String> key) {
        List<List<String>> rows = new ArrayList<>();
        for (E v : values) {
            rows.add(List.of(t.get(key.apply(v)), String.valueOf(counts.getOrDefault(v, 0))));
        }
        return new Table(List.of(t.get(headerKey), t.get("selfinspection.report.count")), rows);
    }
}
